import 'server-only';
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  contacts, customers, lostReasons, opportunities, pipelines, priceLists, products, quotations, stages, taxRates, teams,
  territories, units, users,
} from '../db/schema';
import type { Actor, Role } from './actor';
import { customerScopeOf, dealScopeOf, quotationScopeOf } from './scopes';
import { invalid } from '../errors';
import { isUuid } from '../validation';

/**
 * Every id that comes from a client is re-read here, within the actor's organization and scope,
 * before a command writes it. Unknown, foreign, out-of-scope and retired ids all give the same
 * field error, so an id tells the client nothing about records it may not see.
 *
 *   const refs = await checkRefs(db, actor, {
 *     customerId: { kind: 'customer', id: input.customerId },
 *     contactId: { kind: 'contact', id: input.contactId, customerId: input.customerId },
 *     ownerId: { kind: 'user', id: input.ownerId, among: assignableUserIds(actor) },
 *   });
 *
 * All references are checked and all bad ones reported at once. A null/empty id is skipped
 * (required-ness is the schema's job). Rows come back by field name for the command to use.
 */
export type RefSpec =
  | { kind: 'user'; id: Id; among?: string[] | 'all'; roles?: Role[]; message?: string }
  | { kind: 'customer'; id: Id; message?: string }
  | { kind: 'contact'; id: Id; customerId: string | null | undefined; message?: string }
  | { kind: 'deal'; id: Id; message?: string }
  | { kind: 'quotation'; id: Id; message?: string }
  | { kind: 'priceList'; id: Id; message?: string }
  | { kind: 'product'; id: Id; message?: string }
  | { kind: 'taxRate'; id: Id; activeOnly?: boolean; message?: string }
  | { kind: 'territory'; id: Id; inScope?: boolean; message?: string }
  | { kind: 'team'; id: Id; message?: string }
  | { kind: 'pipeline'; id: Id; message?: string }
  | { kind: 'stage'; id: Id; pipelineId?: string | null; message?: string }
  | { kind: 'lostReason'; id: Id; activeOnly?: boolean; message?: string }
  | { kind: 'unit'; id: Id; activeOnly?: boolean; message?: string };

type Id = string | null | undefined;
type Kind = RefSpec['kind'];

const DEFAULT_MESSAGE: Record<Kind, string> = {
  user: 'notAllowedOwner',
  customer: 'unknownCustomer',
  contact: 'invalidChoice',
  deal: 'invalidChoice',
  quotation: 'invalidChoice',
  priceList: 'invalidChoice',
  product: 'unknownProduct',
  taxRate: 'unknownTaxRate',
  territory: 'invalidChoice',
  team: 'invalidChoice',
  pipeline: 'invalidChoice',
  stage: 'unknownStage',
  lostReason: 'invalidChoice',
  unit: 'invalidChoice',
};

/** Finds one reference in scope; null when it is unknown, foreign, out of scope or retired. */
async function find(db: Db, actor: Actor, spec: RefSpec, id: string): Promise<Record<string, unknown> | null> {
  const one = async (q: Promise<Record<string, unknown>[]>) => (await q)[0] ?? null;
  switch (spec.kind) {
    case 'user': {
      if (spec.among && spec.among !== 'all' && !spec.among.includes(id)) return null;
      const parts: SQL[] = [eq(users.id, id), eq(users.orgId, actor.orgId), eq(users.active, true)];
      if (spec.roles) parts.push(inArray(users.role, spec.roles));
      return one(db.select({ id: users.id, name: users.name, teamId: users.teamId, role: users.role, email: users.email, locale: users.locale }).from(users).where(and(...parts)));
    }
    case 'customer':
      return one(db.select({ id: customers.id, ownerId: customers.ownerId, territoryId: customers.territoryId, name: customers.name }).from(customers).where(and(eq(customers.id, id), customerScopeOf(actor))));
    case 'contact':
      if (!spec.customerId) return null;
      return one(db.select({ id: contacts.id, customerId: contacts.customerId, email: contacts.email }).from(contacts).where(and(eq(contacts.id, id), eq(contacts.orgId, actor.orgId), eq(contacts.customerId, spec.customerId))));
    case 'deal':
      return one(
        db
          .select({ id: opportunities.id, customerId: opportunities.customerId, ownerId: opportunities.ownerId, contactId: opportunities.contactId, pipelineId: opportunities.pipelineId })
          .from(opportunities)
          .innerJoin(customers, eq(customers.id, opportunities.customerId))
          .where(and(eq(opportunities.id, id), dealScopeOf(actor))),
      );
    case 'quotation':
      return one(
        db.select({ id: quotations.id, customerId: quotations.customerId, status: quotations.status }).from(quotations).innerJoin(customers, eq(customers.id, quotations.customerId)).where(and(eq(quotations.id, id), quotationScopeOf(actor))),
      );
    case 'priceList':
      return one(db.select({ id: priceLists.id, currency: priceLists.currency }).from(priceLists).where(and(eq(priceLists.id, id), eq(priceLists.orgId, actor.orgId))));
    case 'product':
      return one(db.select({ id: products.id, active: products.active }).from(products).where(and(eq(products.id, id), eq(products.orgId, actor.orgId))));
    case 'taxRate': {
      const parts: SQL[] = [eq(taxRates.id, id), eq(taxRates.orgId, actor.orgId)];
      if (spec.activeOnly) parts.push(eq(taxRates.active, true));
      return one(db.select({ id: taxRates.id }).from(taxRates).where(and(...parts)));
    }
    case 'territory': {
      if (spec.inScope && !actor.seesAll && !actor.scopeTerritoryIds.includes(id)) return null;
      return one(db.select({ id: territories.id, parentId: territories.parentId }).from(territories).where(and(eq(territories.id, id), eq(territories.orgId, actor.orgId), isNull(territories.retiredAt))));
    }
    case 'team':
      return one(db.select({ id: teams.id, managerId: teams.managerId }).from(teams).where(and(eq(teams.id, id), eq(teams.orgId, actor.orgId))));
    case 'pipeline':
      return one(db.select({ id: pipelines.id, teamId: pipelines.teamId }).from(pipelines).where(and(eq(pipelines.id, id), eq(pipelines.orgId, actor.orgId))));
    case 'stage': {
      const parts: SQL[] = [eq(stages.id, id), eq(stages.orgId, actor.orgId)];
      if (spec.pipelineId) parts.push(eq(stages.pipelineId, spec.pipelineId));
      return one(db.select({ id: stages.id, pipelineId: stages.pipelineId, kind: stages.kind, probability: stages.probability }).from(stages).where(and(...parts)));
    }
    case 'lostReason': {
      const parts: SQL[] = [eq(lostReasons.id, id), eq(lostReasons.orgId, actor.orgId)];
      if (spec.activeOnly !== false) parts.push(eq(lostReasons.active, true));
      return one(db.select({ id: lostReasons.id }).from(lostReasons).where(and(...parts)));
    }
    case 'unit': {
      const parts: SQL[] = [eq(units.id, id), eq(units.orgId, actor.orgId)];
      if (spec.activeOnly) parts.push(eq(units.active, true));
      return one(db.select({ id: units.id, name: units.name, active: units.active }).from(units).where(and(...parts)));
    }
  }
}

export type RefRows<S extends Record<string, RefSpec>> = { [K in keyof S]: Record<string, unknown> | null };

/** Re-reads every reference; returns the rows and the field errors (field -> message key). */
export async function collectRefs<S extends Record<string, RefSpec>>(db: Db, actor: Actor, specs: S) {
  const rows = {} as RefRows<S>;
  const errors: Record<string, string> = {};
  for (const [field, spec] of Object.entries(specs) as [keyof S & string, RefSpec][]) {
    rows[field] = null;
    if (spec.id == null || spec.id === '') continue;
    const row = isUuid(spec.id) ? await find(db, actor, spec, spec.id.toLowerCase()) : null;
    if (row) rows[field] = row;
    else errors[field] = spec.message ?? DEFAULT_MESSAGE[spec.kind];
  }
  return { rows, errors };
}

/** Like collectRefs, but throws Invalid with every bad field at once (plus any `extra` errors). */
export async function checkRefs<S extends Record<string, RefSpec>>(db: Db, actor: Actor, specs: S, extra: Record<string, string> = {}) {
  const { rows, errors } = await collectRefs(db, actor, specs);
  const all = { ...errors, ...extra };
  if (Object.keys(all).length) throw invalid(all);
  return rows;
}

/**
 * Inside the writing transaction: holds the rows a new record will point at (FOR KEY SHARE, the
 * lock a foreign key check takes anyway) and confirms they still exist. A reference checked before
 * the transaction can be deleted meanwhile; without this the insert fails with a raw 23503.
 */
export async function holdRefs(tx: Db, refs: Record<string, { table: HeldTable; id: string | null | undefined }>): Promise<void> {
  // One statement per table, whatever the number of references (a 500-line quotation holds its
  // products and tax rates with two statements, not a thousand).
  const byTable = new Map<HeldTable, Set<string>>();
  for (const { table, id } of Object.values(refs)) if (id) byTable.set(table, (byTable.get(table) ?? new Set()).add(id));
  const found = new Set<string>();
  for (const [table, ids] of byTable) {
    const t = HELD[table];
    const rows = await tx.select({ id: t.id }).from(t.table).where(inArray(t.id, [...ids])).for('key share');
    for (const r of rows) found.add(`${table}:${r.id}`);
  }
  const errors: Record<string, string> = {};
  for (const [field, { table, id }] of Object.entries(refs)) {
    // 'territoryIds#2': one of several ids of one field; the error goes on the field.
    if (id && !found.has(`${table}:${id}`)) errors[field.split('#')[0]] = table === 'territory' || table === 'team' ? 'invalidChoice' : DEFAULT_MESSAGE[table];
  }
  if (Object.keys(errors).length) throw invalid(errors);
}

const HELD = {
  customer: { table: customers, id: customers.id },
  contact: { table: contacts, id: contacts.id },
  deal: { table: opportunities, id: opportunities.id },
  stage: { table: stages, id: stages.id },
  product: { table: products, id: products.id },
  taxRate: { table: taxRates, id: taxRates.id },
  priceList: { table: priceLists, id: priceLists.id },
  territory: { table: territories, id: territories.id },
  team: { table: teams, id: teams.id },
  lostReason: { table: lostReasons, id: lostReasons.id },
} as const;
type HeldTable = keyof typeof HELD;
