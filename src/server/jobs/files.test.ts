import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { makeWorld, type World } from '../../../tests/support/world';
import { removeDeletedFiles } from './files';
import { attachFile } from '../files';
import { LocalDiskStore } from '../files/store';
import { deleteCustomer } from '../customers/commands';
import { createOpportunity } from '../opportunities/commands';
import { listPipelines } from '../pipelines';
import { attachments, customers, fileRemovals } from '../db/schema';

let w: World;
let dir: string;
let store: LocalDiskStore;

/** A store whose removals fail, as when the disk or bucket is away at the moment of the delete. */
class StoreThatCannotRemove extends LocalDiskStore {
  async remove(): Promise<void> {
    throw new Error('storage unavailable');
  }
}

beforeAll(async () => {
  w = await makeWorld();
  dir = mkdtempSync(path.join(tmpdir(), 'sfa-jobs-files-'));
  store = new LocalDiskStore(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdf = (name: string) => new File([new Uint8Array([37, 80, 68, 70])], name, { type: 'application/pdf' });
const customer = async (name: string) =>
  (await w.db.insert(customers).values({ orgId: w.org.id, name: `${name} ${w.tag}`, ownerId: w.people.repA1.id, territoryId: w.territories.A1 }).returning())[0].id;
const keysOf = async (ids: string[]) => (await w.db.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.id, ids))).map((r) => r.key);
const onDisk = (key: string) => existsSync(path.join(dir, key));

describe('files of deleted records', () => {
  it('a deleted customer\'s attachments leave storage once the delete has committed', async () => {
    const c = await customer('Leaving');
    const keys = await keysOf([await attachFile(w.db, w.actors.repA1, { customerId: c }, pdf('a.pdf'), store), await attachFile(w.db, w.actors.repA1, { customerId: c }, pdf('b.pdf'), store)]);
    expect(keys.map(onDisk)).toEqual([true, true]);
    await deleteCustomer(w.db, w.actors.admin, c, store);
    expect(keys.map(onDisk)).toEqual([false, false]);
    expect(await w.db.select().from(fileRemovals).where(inArray(fileRemovals.storageKey, keys))).toEqual([]);
  });

  it('what the removal after the delete could not do, the files job does, and running it again is harmless', async () => {
    const c = await customer('Crashed');
    const kept = await customer('Staying');
    const keys = await keysOf([await attachFile(w.db, w.actors.repA1, { customerId: c }, pdf('a.pdf'), store), await attachFile(w.db, w.actors.repA1, { customerId: c }, pdf('b.pdf'), store)]);
    const [keptKey] = await keysOf([await attachFile(w.db, w.actors.repA1, { customerId: kept }, pdf('keep.pdf'), store)]);

    await deleteCustomer(w.db, w.actors.admin, c, new StoreThatCannotRemove(dir));
    expect(await w.db.select().from(customers).where(eq(customers.id, c))).toEqual([]);
    expect(keys.map(onDisk)).toEqual([true, true]);
    const queued = await w.db.select().from(fileRemovals).where(inArray(fileRemovals.storageKey, keys));
    expect(queued.map((q) => q.attempts)).toEqual([1, 1]);
    expect(queued[0].lastError).toContain('storage unavailable');

    await removeDeletedFiles(w.db, store);
    expect(keys.map(onDisk)).toEqual([false, false]);
    expect(await w.db.select().from(fileRemovals).where(inArray(fileRemovals.storageKey, keys))).toEqual([]);
    await removeDeletedFiles(w.db, store);
    expect(onDisk(keptKey)).toBe(true);
  });

  it('a delete that is refused removes nothing', async () => {
    const c = await customer('Busy');
    const [key] = await keysOf([await attachFile(w.db, w.actors.repA1, { customerId: c }, pdf('a.pdf'), store)]);
    const [p] = await listPipelines(w.db, w.actors.admin);
    await createOpportunity(w.db, w.actors.repA1, {
      title: 'Keeps the customer', customerId: c, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id,
      amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '',
    });
    await expect(deleteCustomer(w.db, w.actors.admin, c, store)).rejects.toMatchObject({ code: 'inUse' });
    await removeDeletedFiles(w.db, store);
    expect(onDisk(key)).toBe(true);
    expect(await w.db.select().from(fileRemovals).where(eq(fileRemovals.storageKey, key))).toEqual([]);
  });
});
