import 'server-only';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { listAssignableUsers } from '@/server/users/queries';
import { getCustomer } from '@/server/customers/queries';
import { getPriceList, listTaxRates } from '@/server/catalog';

/** What the quotation form offers: the customer's contacts, salespeople, active tax rates. */
export async function quoteFormOptions(actor: Actor, customerId: string) {
  const db = await getDb();
  const [customer, owners, rates] = await Promise.all([getCustomer(db, actor, customerId), listAssignableUsers(db, actor), listTaxRates(db, actor)]);
  // A customer whose price list is tax-inclusive gets tax-inclusive quotations by default.
  const list = customer.priceListId ? await getPriceList(db, actor, customer.priceListId).catch(() => null) : null;
  return {
    customer,
    pricesIncludeTax: list?.pricesIncludeTax ?? false,
    currency: list?.currency ?? null,
    contacts: customer.contacts.map((c) => ({ value: c.id, label: c.email ? `${c.name} <${c.email}>` : c.name })),
    owners: owners.map((u) => ({ value: u.id, label: u.name })),
    // Today's figure: a draft is priced at the rates in force today (sending re-reads them).
    rates: rates.map((r) => ({ id: r.id, name: r.label, rate: r.rate ?? '0' })),
  };
}
