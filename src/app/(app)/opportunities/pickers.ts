import 'server-only';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { listLostReasons, listPipelines } from '@/server/pipelines';
import { listAssignableUsers } from '@/server/users/queries';
import { localName } from '@/lib/local-name';

export async function dealPickers(actor: Actor) {
  const db = await getDb();
  const [pipelines, owners, reasons] = await Promise.all([listPipelines(db, actor), listAssignableUsers(db, actor), listLostReasons(db, actor)]);
  return {
    pipelines,
    owners: owners.map((u) => ({ value: u.id, label: u.name })),
    // Lost reasons in the viewer's language, in that language's order.
    reasons: reasons.map((r) => ({ value: r.id, label: localName(r, actor.locale) })).sort((a, b) => a.label.localeCompare(b.label, actor.locale)),
  };
}
