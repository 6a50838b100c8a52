import 'server-only';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { listTerritories } from '@/server/territories';
import { listAssignableUsers } from '@/server/users/queries';
import { listPriceLists } from '@/server/catalog';

/** Territories and owners the actor may choose for a customer. */
export async function customerPickers(actor: Actor) {
  const db = await getDb();
  const [territories, owners, lists] = await Promise.all([listTerritories(db, actor), listAssignableUsers(db, actor), listPriceLists(db, actor, { activeOnly: true })]);
  return {
    territories: territories
      .filter((t) => actor.seesAll || actor.scopeTerritoryIds.includes(t.id))
      .map((t) => ({ value: t.id, label: t.path })),
    owners: owners.map((u) => ({ value: u.id, label: u.name })),
    priceLists: lists.map((l) => ({ value: l.id, label: `${l.name} (${l.currency})` })),
  };
}
