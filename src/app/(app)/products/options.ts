import 'server-only';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { listTaxRates } from '@/server/catalog';

export async function rateOptions(actor: Actor) {
  const rates = await listTaxRates(await getDb(), actor);
  return rates.map((r) => ({ value: r.id, label: r.label }));
}
