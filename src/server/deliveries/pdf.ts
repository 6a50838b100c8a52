import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, customers, deliveries, deliveryLines, organizations, products, salesOrderLines, salesOrders } from '../db/schema';
import type { DeliveryNoteDocument } from '../documents/pdf/delivery-note-labels';
import { fileStore, type FileStore } from '../files/store';
import { renderPool } from '../documents/render-pool';
import { renderKey, storedRender, type RenderedPdf } from '../documents/rendered';
import { trimZeros } from '../quotations/commands';
import { isUuid } from '../validation';
import { localName } from '@/lib/local-name';
import type { DeliveryDetail } from './queries';

type Delivery = Pick<DeliveryDetail, 'id' | 'orgId' | 'orderId' | 'number' | 'deliveredOn' | 'note'>;

/** Everything a delivery note prints, in its order's language. The caller has checked who may see it. */
export async function deliveryNoteDocument(db: Db, d: Delivery): Promise<DeliveryNoteDocument> {
  const [order] = await db.select().from(salesOrders).where(eq(salesOrders.id, d.orderId));
  const [[org], [customer], [contact], full] = await Promise.all([
    db.select().from(organizations).where(eq(organizations.id, d.orgId)),
    db.select().from(customers).where(eq(customers.id, order.customerId)),
    order.contactId ? db.select().from(contacts).where(eq(contacts.id, order.contactId)) : Promise.resolve([]),
    linesFor(db, d.id),
  ]);
  const ids = [...new Set(full.map((l) => l.productId).filter((v): v is string => Boolean(v)))];
  const prods = ids.length
    ? await db.select({ id: products.id, code: products.code, name: products.name, names: products.names }).from(products).where(and(eq(products.orgId, d.orgId), inArray(products.id, ids)))
    : [];
  const byId = new Map(prods.map((p) => [p.id, p]));
  return {
    language: order.language,
    company: { legalName: org.legalName, address: org.address, taxId: org.taxId, branch: org.branch, logo: org.logo },
    customer: { name: customer.name, address: customer.address, taxId: customer.taxId, branch: customer.branch, contactName: contact?.name ?? '', contactPhone: contact?.phone ?? '' },
    number: d.number,
    deliveredOn: d.deliveredOn,
    orderNumber: order.number ?? '',
    customerReference: order.customerReference,
    note: d.note,
    lines: full.map((l) => {
      const p = l.productId ? byId.get(l.productId) : undefined;
      // A line written with the product's main name is printed with its name in the order's language.
      const description = p && l.description.trim() === p.name.trim() ? localName(p, order.language) : l.description;
      return { position: l.position, code: p?.code ?? '', description, unit: l.unit, ordered: trimZeros(l.ordered), quantity: trimZeros(l.quantity) };
    }),
  };
}

async function linesFor(db: Db, deliveryId: string) {
  return db
    .select({
      position: salesOrderLines.position, description: salesOrderLines.description, unit: salesOrderLines.unit, productId: salesOrderLines.productId,
      ordered: salesOrderLines.quantity, quantity: deliveryLines.quantity,
    })
    .from(deliveryLines)
    .innerJoin(salesOrderLines, eq(salesOrderLines.id, deliveryLines.orderLineId))
    .where(eq(deliveryLines.deliveryId, deliveryId))
    .orderBy(asc(salesOrderLines.position));
}

/**
 * A delivery note's PDF. A note never changes once recorded: it is rendered once in the worker pool
 * (never inside a transaction) and then served from the file store.
 */
export async function deliveryPdf(db: Db, d: Delivery, opts: { store?: FileStore } = {}): Promise<RenderedPdf> {
  return storedRender(opts.store ?? fileStore(), renderKey(d.orgId, `delivery-${d.id}`), async () =>
    renderPool().render({ kind: 'deliveryNote', doc: await deliveryNoteDocument(db, d) }),
  );
}

/** Renders and stores a note's PDF unless it is stored already (called right after recording, after commit). */
export async function ensureDeliveryPdf(db: Db, deliveryId: string, store?: FileStore): Promise<RenderedPdf | null> {
  if (!isUuid(deliveryId)) return null;
  const [d] = await db.select().from(deliveries).where(eq(deliveries.id, deliveryId));
  return d ? deliveryPdf(db, d, { store }) : null;
}
