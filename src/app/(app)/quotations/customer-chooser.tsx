import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import type { Actor } from '@/server/access/actor';
import { listCustomers } from '@/server/customers/queries';

/** Search the customers in scope and pick one: `pick` renders the action for each row. */
export async function CustomerChooser({ actor, query, pick }: { actor: Actor; query: string; pick: (customerId: string) => ReactNode }) {
  const t = await getTranslations('quotations');
  const { rows } = await listCustomers(await getDb(), actor, { q: query }, 20);
  return (
    <>
      <form method="get" role="search" className="flex gap-2">
        <input name="q" defaultValue={query} aria-label={t('customerSearch')} placeholder={t('customerSearch')} className="input flex-1" />
        <button className="btn-primary" type="submit">{t('filter')}</button>
      </form>
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="customer-chooser">
        {rows.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-2 px-4 py-3">
            <span>{c.name}</span>
            {pick(c.id)}
          </li>
        ))}
      </ul>
    </>
  );
}
