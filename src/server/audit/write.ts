import 'server-only';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';
import type { Actor } from '../access/actor';

export async function writeAudit(
  tx: Db,
  actor: Pick<Actor, 'id' | 'orgId'> | null,
  orgId: string,
  entity: string,
  entityId: string,
  action: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditLog).values({ orgId, actorId: actor?.id ?? null, entity, entityId, action, data });
}
