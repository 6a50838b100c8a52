import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { attachments, users } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { invalid, notFound } from '../errors';
import { writeAudit } from '../audit/write';
import { getCustomer } from '../customers/queries';
import { getOpportunity } from '../opportunities/queries';
import { isUuid } from '../validation';
import { fileStore, type FileStore } from './store';
import { queueFileRemovals, removeQueuedFilesNow } from './removals';

import { ALLOWED, MAX_FILE_BYTES } from './limits';
import { holdRefs } from '../access/refs';
export { ALLOWED_EXTENSIONS, MAX_FILE_BYTES } from './limits';

type Parent = { customerId?: string | null; opportunityId?: string | null };

async function checkParent(db: Db, actor: Actor, parent: Parent) {
  if (parent.opportunityId) return { opportunityId: (await getOpportunity(db, actor, parent.opportunityId)).id, customerId: null };
  if (parent.customerId) return { customerId: (await getCustomer(db, actor, parent.customerId)).id, opportunityId: null };
  throw notFound();
}

/**
 * A file name as the browser sent it, made safe to store and to put in a Content-Disposition header:
 * no control characters (PostgreSQL refuses NUL), no path, valid Unicode, at most 200 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.toWellFormed().replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g, '').split(/[\\/]/).pop() ?? '';
  return base.trim().slice(0, 200) || 'file';
}

export async function attachFile(db: Db, actor: Actor, parent: Parent, file: File, store: FileStore = fileStore()): Promise<string> {
  assertCan(actor, 'file.manage');
  const where = await checkParent(db, actor, parent);
  if (!(file instanceof File) || file.size === 0) throw invalid({ file: 'required' });
  if (file.size > MAX_FILE_BYTES) throw invalid({ file: 'fileTooBig' });
  const fileName = cleanFileName(file.name);
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = file.type || 'application/octet-stream';
  if (!ALLOWED[ext] || !(ALLOWED[ext].includes(type) || type === 'application/octet-stream')) throw invalid({ file: 'fileType' });
  const id = randomUUID();
  const storageKey = `${actor.orgId}/${id}`;
  await store.put(storageKey, new Uint8Array(await file.arrayBuffer()));
  try {
    await db.transaction(async (tx) => {
      await holdRefs(tx, { customerId: { table: 'customer', id: where.customerId }, opportunityId: { table: 'deal', id: where.opportunityId } });
      await tx.insert(attachments).values({
        id, orgId: actor.orgId, ...where, fileName, contentType: ALLOWED[ext][0], size: file.size, storageKey, uploadedById: actor.id,
      });
      await writeAudit(tx, actor, actor.orgId, 'attachment', id, 'create', { ...where, fileName, size: file.size });
    });
  } catch (e) {
    await store.remove(storageKey);
    throw e;
  }
  return id;
}

export async function listAttachments(db: Db, actor: Actor, parent: Parent) {
  const where = await checkParent(db, actor, parent);
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, size: attachments.size, createdAt: attachments.createdAt, uploadedBy: users.name })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedById))
    .where(where.opportunityId ? eq(attachments.opportunityId, where.opportunityId) : eq(attachments.customerId, where.customerId!))
    .orderBy(desc(attachments.createdAt));
}

/** The file and its bytes, only when its customer or deal is in the actor's scope. */
export async function openAttachment(db: Db, actor: Actor, id: string, store: FileStore = fileStore()) {
  if (!isUuid(id)) throw notFound();
  const [a] = await db.select().from(attachments).where(and(eq(attachments.id, id), eq(attachments.orgId, actor.orgId)));
  if (!a) throw notFound();
  await checkParent(db, actor, a);
  const bytes = await store.get(a.storageKey);
  if (!bytes) throw notFound();
  return { meta: a, bytes };
}

export async function deleteAttachment(db: Db, actor: Actor, id: string, store: FileStore = fileStore()): Promise<void> {
  const { meta } = await openAttachment(db, actor, id, store);
  assertCan(actor, 'file.manage');
  const queued = await db.transaction(async (tx) => {
    const rows = await queueFileRemovals(tx, actor.orgId, { attachmentId: id });
    await tx.delete(attachments).where(eq(attachments.id, id));
    await writeAudit(tx, actor, actor.orgId, 'attachment', id, 'delete', { fileName: meta.fileName });
    return rows;
  });
  await removeQueuedFilesNow(db, store, queued);
}
