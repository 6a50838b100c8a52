import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeWorld, type World } from '../../../tests/support/world';
import { deliveries, deliveryLines } from '../db/schema';
import { makeOrder } from '../deliveries/fixtures';
import { ensureDeliveryPdf } from '../deliveries/pdf';
import { renderKey } from '../documents/rendered';
import { LocalDiskStore } from '../files/store';
import { redoInterruptedRenders } from './renders';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
});

describe('the renders job', () => {
  it('renders and stores a delivery note whose render a crash interrupted, once', async () => {
    const order = await makeOrder(w.db, { orgId: w.org.id, customerId: w.customers.a1, ownerId: w.people.repA1.id, lines: [{ quantity: '2', delivered: '1' }] });
    // As if the process stopped right after the delivery's commit: recorded, never rendered.
    const [d] = await w.db.insert(deliveries).values({ orgId: w.org.id, orderId: order.id, number: `DN-T-${w.tag}`, deliveredOn: '2026-11-25' }).returning();
    await w.db.insert(deliveryLines).values({ deliveryId: d.id, orderLineId: order.lineIds[0], quantity: '1' });
    const store = new LocalDiskStore(mkdtempSync(path.join(tmpdir(), 'renders-')));
    const key = renderKey(w.org.id, `delivery-${d.id}`);
    expect(await store.get(key)).toBeNull();

    const hooks = { ensureQuotationPdf: async () => null, quotationsAwaitingRender: async () => [], ensureDeliveryPdf: (db: typeof w.db, id: string) => ensureDeliveryPdf(db, id, store) };
    const first = await redoInterruptedRenders(w.db, { hooks });
    expect(first.failed).toBe(0);
    expect(first.redone).toBeGreaterThanOrEqual(1);
    const bytes = await store.get(key);
    expect(Buffer.from(bytes!).subarray(0, 5).toString()).toBe('%PDF-');
    // Stored: the next run serves the same bytes, it does not render again.
    await redoInterruptedRenders(w.db, { hooks });
    expect(Buffer.from((await store.get(key))!).equals(Buffer.from(bytes!))).toBe(true);
  }, 60_000);
});
