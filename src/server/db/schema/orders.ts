import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';
import { users } from './people';
import { contacts, customers } from './customers';
import { opportunities } from './selling';
import { products, taxRates, units } from './catalog';
import { discountKindEnum, quotations } from './quotations';

/**
 * A customer's firm order. Drafts have no number; confirming takes the next SO number, reserves
 * stock and freezes prices. Cancelled only while nothing is delivered or invoiced.
 */
export const salesOrderStatusEnum = pgEnum('sales_order_status', ['draft', 'confirmed', 'completed', 'cancelled']);

export const salesOrders = pgTable(
  'sales_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    number: text('number'),
    status: salesOrderStatusEnum('status').notNull().default('draft'),
    customerId: uuid('customer_id').notNull().references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
    // The accepted quotation it was made from, if any (one live order per quotation).
    quotationId: uuid('quotation_id').references(() => quotations.id),
    ownerId: uuid('owner_id').notNull().references(() => users.id),
    language: text('language').notNull(),
    currency: text('currency').notNull(),
    pricesIncludeTax: boolean('prices_include_tax').notNull().default(false),
    orderDate: date('order_date').notNull(),
    // The customer's own purchase order number.
    customerReference: text('customer_reference').notNull().default(''),
    discountKind: discountKindEnum('discount_kind').notNull().default('percent'),
    discountValue: numeric('discount_value', { precision: 18, scale: 4 }).notNull().default('0'),
    terms: text('terms').notNull().default(''),
    notes: text('notes').notNull().default(''),
    subtotal: numeric('subtotal', { precision: 18, scale: 2 }).notNull().default('0'),
    discountTotal: numeric('discount_total', { precision: 18, scale: 2 }).notNull().default('0'),
    taxBase: numeric('tax_base', { precision: 18, scale: 2 }).notNull().default('0'),
    taxTotal: numeric('tax_total', { precision: 18, scale: 2 }).notNull().default('0'),
    grandTotal: numeric('grand_total', { precision: 18, scale: 2 }).notNull().default('0'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sales_orders_number_idx').on(t.orgId, t.number).where(sql`${t.number} is not null`),
    uniqueIndex('sales_orders_quotation_idx').on(t.quotationId).where(sql`${t.quotationId} is not null and ${t.status} <> 'cancelled'`),
    index('sales_orders_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('sales_orders_customer_idx').on(t.customerId),
    index('sales_orders_opportunity_idx').on(t.opportunityId),
    // The list and the global search find an order by its number or the customer's PO number.
    index('sales_orders_number_trgm_idx').using('gin', sql`${t.number} gin_trgm_ops`),
    index('sales_orders_reference_trgm_idx').using('gin', sql`${t.customerReference} gin_trgm_ops`),
    check('sales_orders_totals_nonneg', sql`${t.grandTotal} >= 0 and ${t.subtotal} >= 0`),
  ],
);

export const salesOrderLines = pgTable(
  'sales_order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => salesOrders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    unit: text('unit').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    // Goods or a service: decides stock and, with the country, whether a deposit is a tax point.
    kind: text('kind').notNull().default('goods'),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 18, scale: 4 }).notNull(),
    discountKind: discountKindEnum('discount_kind').notNull().default('percent'),
    discountValue: numeric('discount_value', { precision: 18, scale: 4 }).notNull().default('0'),
    taxRateId: uuid('tax_rate_id').references(() => taxRates.id),
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
    taxKind: text('tax_kind').notNull().default('vat'),
    gross: numeric('gross', { precision: 18, scale: 2 }).notNull(),
    discount: numeric('discount', { precision: 18, scale: 2 }).notNull(),
    net: numeric('net', { precision: 18, scale: 2 }).notNull(),
    // Kept by the delivery and invoice commands in the same transaction, under the order's row lock.
    deliveredQuantity: numeric('delivered_quantity', { precision: 18, scale: 4 }).notNull().default('0'),
    invoicedQuantity: numeric('invoiced_quantity', { precision: 18, scale: 4 }).notNull().default('0'),
  },
  (t) => [
    index('sales_order_lines_order_idx').on(t.orderId, t.position),
    check('sales_order_lines_nonneg', sql`${t.quantity} > 0 and ${t.unitPrice} >= 0 and ${t.discountValue} >= 0`),
    check('sales_order_lines_delivered', sql`${t.deliveredQuantity} >= 0 and ${t.deliveredQuantity} <= ${t.quantity}`),
    check('sales_order_lines_invoiced', sql`${t.invoicedQuantity} >= 0 and ${t.invoicedQuantity} <= ${t.quantity}`),
    check('sales_order_lines_kind', sql`${t.kind} in ('goods', 'service')`),
  ],
);

/** A delivery note: what left for the customer, numbered when it is recorded (DN-2026-00001). */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    orderId: uuid('order_id').notNull().references(() => salesOrders.id),
    number: text('number').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deliveries_number_idx').on(t.orgId, t.number),
    index('deliveries_order_idx').on(t.orderId),
  ],
);

export const deliveryLines = pgTable(
  'delivery_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id').notNull().references(() => deliveries.id, { onDelete: 'cascade' }),
    orderLineId: uuid('order_line_id').notNull().references(() => salesOrderLines.id),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
  },
  (t) => [
    index('delivery_lines_delivery_idx').on(t.deliveryId),
    index('delivery_lines_order_line_idx').on(t.orderLineId),
    check('delivery_lines_positive', sql`${t.quantity} > 0`),
  ],
);

/**
 * Every change of a product's stock, signed (a delivery is negative): the on-hand figure on the
 * product is kept in step in the same transaction, and can be recomputed from here.
 */
export const stockMoveKindEnum = pgEnum('stock_move_kind', ['delivery', 'adjustment', 'return']);
export const stockMoves = pgTable(
  'stock_moves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id),
    productId: uuid('product_id').notNull().references(() => products.id),
    kind: stockMoveKindEnum('kind').notNull(),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    deliveryId: uuid('delivery_id').references(() => deliveries.id),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stock_moves_product_idx').on(t.productId, t.createdAt)],
);
