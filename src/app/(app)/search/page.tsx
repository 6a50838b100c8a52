import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { getDb } from '@/server/db/client';
import { listCustomers, searchContacts } from '@/server/customers/queries';
import { listOpportunities } from '@/server/opportunities/queries';
import { displayNumber, listQuotations } from '@/server/quotations';
import { listOrders } from '@/server/orders';
import { formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { localName } from '@/lib/local-name';

const PER_KIND = 10;

export async function generateMetadata() {
  return { title: (await getTranslations('search'))('title') };
}

/** One box for customers, contacts, deals, quotations and sales orders, within what the viewer may see. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations('search');
  const locale = (await getLocale()) as Locale;
  // A repeated parameter (?q=a&q=b) arrives as an array: take the first.
  const raw = (await searchParams).q as string | string[] | undefined;
  const q = (Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '')).trim().slice(0, 100);
  const db = await getDb();
  const [customers, people, deals, quotes, orders] = q
    ? await Promise.all([
      listCustomers(db, actor, { q }, PER_KIND), searchContacts(db, actor, q, PER_KIND), listOpportunities(db, actor, { q }, PER_KIND),
      listQuotations(db, actor, { q }, PER_KIND), listOrders(db, actor, { q }, PER_KIND),
    ])
    : [null, [], null, null, null];
  const section = (title: string, testId: string, items: React.ReactNode[], more?: string) => (
    <section className="space-y-2">
      <h2 className="font-semibold">{title}</h2>
      {items.length ? <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid={testId}>{items}</ul> : <p className="text-sm text-slate-600">{t('none')}</p>}
      {more ? <Link href={more} className="link text-sm">{t('more')}</Link> : null}
    </section>
  );
  return (
    <div className="space-y-6">
      <h1 className="h1">{t('title')}</h1>
      <form method="get" role="search" className="flex gap-2">
        <input name="q" defaultValue={q} aria-label={t('title')} placeholder={t('placeholder')} className="input" />
        <button type="submit" className="btn-primary">{t('go')}</button>
      </form>
      {q ? (
        <>
          {section(t('customers'), 'search-customers', customers!.rows.map((c) => (
            <li key={c.id} className="px-4 py-2"><Link href={`/customers/${c.id}`} className="link">{c.name}</Link> <span className="text-sm text-slate-500">{[c.phone, c.territoryName].filter(Boolean).join(' · ')}</span></li>
          )), customers!.nextCursor ? `/customers?q=${encodeURIComponent(q)}` : undefined)}
          {section(t('contacts'), 'search-contacts', people.map((p) => (
            <li key={p.id} className="px-4 py-2">{p.name} <span className="text-sm text-slate-500">{[p.phone, p.email].filter(Boolean).join(' · ')}</span> — <Link href={`/customers/${p.customerId}`} className="link">{p.customerName}</Link></li>
          )))}
          {section(t('deals'), 'search-deals', deals!.rows.map((d) => (
            <li key={d.id} className="px-4 py-2"><Link href={`/opportunities/${d.id}`} className="link">{d.title}</Link> <span className="text-sm text-slate-500">{d.customerName} · {localName({ name: d.stageName, names: d.stageNames }, locale)} · {formatMoney(d.amount, d.currency, locale)}</span></li>
          )), deals!.nextCursor ? `/opportunities?q=${encodeURIComponent(q)}` : undefined)}
          {section(t('quotations'), 'search-quotations', quotes!.rows.map((r) => (
            <li key={r.id} className="px-4 py-2"><Link href={`/quotations/${r.id}`} className="link">{displayNumber(r) ?? t('draft')}</Link> <span className="text-sm text-slate-500">{r.customerName} · {formatMoney(r.grandTotal, r.currency, locale)}</span></li>
          )), quotes!.nextCursor ? `/quotations?q=${encodeURIComponent(q)}` : undefined)}
          {section(t('orders'), 'search-orders', orders!.rows.map((r) => (
            <li key={r.id} className="px-4 py-2"><Link href={`/orders/${r.id}`} className="link">{r.number ?? t('draft')}</Link> <span className="text-sm text-slate-500">{[r.customerName, r.customerReference, formatMoney(r.grandTotal, r.currency, locale)].filter(Boolean).join(' · ')}</span></li>
          )), orders!.nextCursor ? `/orders?q=${encodeURIComponent(q)}` : undefined)}
        </>
      ) : null}
    </div>
  );
}
