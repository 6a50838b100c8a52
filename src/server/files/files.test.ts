import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeWorld, type World } from '../../../tests/support/world';
import { attachFile, deleteAttachment, listAttachments, MAX_FILE_BYTES, openAttachment } from './index';
import { LocalDiskStore } from './store';
import { createOpportunity } from '../opportunities/commands';
import { listPipelines } from '../pipelines';

let w: World;
let dir: string;
let store: LocalDiskStore;
let deal: string;
beforeAll(async () => {
  w = await makeWorld();
  dir = mkdtempSync(path.join(tmpdir(), 'sfa-files-'));
  store = new LocalDiskStore(dir);
  const [p] = await listPipelines(w.db, w.actors.admin);
  deal = await createOpportunity(w.db, w.actors.repB1, { title: 'Files deal', customerId: w.customers.b1, newCustomerName: '', contactId: null, pipelineId: p.id, stageId: p.stages[0].id, amount: '1', currency: 'THB', expectedCloseDate: null, probability: null, source: '', description: '', ownerId: '' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdf = (name = 'quote.pdf', bytes = new Uint8Array([37, 80, 68, 70])) => new File([bytes], name, { type: 'application/pdf' });

describe('attachments', () => {
  it('uploads, lists, downloads and deletes a file on a customer and on a deal', async () => {
    const id = await attachFile(w.db, w.actors.repA1, { customerId: w.customers.a1 }, pdf('ใบเสนอราคา.pdf'), store);
    const onDeal = await attachFile(w.db, w.actors.repB1, { opportunityId: deal }, new File(['a,b'], 'prices.csv', { type: 'text/csv' }), store);
    expect((await listAttachments(w.db, w.actors.repA1, { customerId: w.customers.a1 })).map((f) => f.fileName)).toEqual(['ใบเสนอราคา.pdf']);
    expect((await listAttachments(w.db, w.actors.mB, { opportunityId: deal })).map((f) => f.id)).toEqual([onDeal]);
    const { bytes, meta } = await openAttachment(w.db, w.actors.mA, id, store);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
    expect(meta.contentType).toBe('application/pdf');
    await deleteAttachment(w.db, w.actors.repA1, id, store);
    expect(existsSync(path.join(dir, meta.storageKey))).toBe(false);
    await expect(openAttachment(w.db, w.actors.repA1, id, store)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('out of scope: cannot list, download, upload to or delete another territory\'s files', async () => {
    const id = await attachFile(w.db, w.actors.repB1, { customerId: w.customers.b1 }, pdf(), store);
    await expect(openAttachment(w.db, w.actors.repA1, id, store)).rejects.toMatchObject({ code: 'notFound' });
    await expect(openAttachment(w.db, w.actors.admin2, id, store)).rejects.toMatchObject({ code: 'notFound' });
    await expect(deleteAttachment(w.db, w.actors.repA2, id, store)).rejects.toMatchObject({ code: 'notFound' });
    await expect(listAttachments(w.db, w.actors.repA1, { customerId: w.customers.b1 })).rejects.toMatchObject({ code: 'notFound' });
    await expect(attachFile(w.db, w.actors.repA1, { opportunityId: deal }, pdf(), store)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('refuses an oversized file, a wrong type and an empty file, storing nothing', async () => {
    await expect(attachFile(w.db, w.actors.repA1, { customerId: w.customers.a1 }, pdf('big.pdf', new Uint8Array(MAX_FILE_BYTES + 1)), store)).rejects.toMatchObject({ fields: { file: 'fileTooBig' } });
    await expect(attachFile(w.db, w.actors.repA1, { customerId: w.customers.a1 }, new File(['<script>'], 'x.html', { type: 'text/html' }), store)).rejects.toMatchObject({ fields: { file: 'fileType' } });
    await expect(attachFile(w.db, w.actors.repA1, { customerId: w.customers.a1 }, new File(['x'], 'x.exe', { type: 'application/octet-stream' }), store)).rejects.toMatchObject({ fields: { file: 'fileType' } });
    await expect(attachFile(w.db, w.actors.repA1, { customerId: w.customers.a1 }, new File([], 'empty.pdf', { type: 'application/pdf' }), store)).rejects.toMatchObject({ fields: { file: 'required' } });
    expect(await listAttachments(w.db, w.actors.repA1, { customerId: w.customers.a1 })).toEqual([]);
  });

  it('the store refuses keys that could leave its folder', async () => {
    await expect(store.put('../../etc/passwd', new Uint8Array([1]))).rejects.toThrow(/bad storage key/);
  });
});
