import 'server-only';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { listTaxRates, unitOptions as unitsFor } from '@/server/catalog';

/** The rates a product may take, labelled in the viewer's language. */
export async function rateOptions(actor: Actor) {
  const rates = await listTaxRates(await getDb(), actor);
  return rates.map((r) => ({ value: r.id, label: r.label }));
}

/** The organization's active units (and the product's own, if retired since), in the viewer's language. */
export async function unitOptions(actor: Actor, keep?: string | null) {
  return unitsFor(await getDb(), actor, actor.locale, keep);
}
