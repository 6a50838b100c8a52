import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getDb } from '@/server/db/client';
import { displayNumber, findByToken, trimZeros } from '@/server/quotations';
import { quotationDocument } from '@/server/quotations/document';
import { takePublicLink } from '@/server/quotations/rate-limit';
import { customers, contacts, users } from '@/server/db/schema';
import { eq } from 'drizzle-orm';
import { formatDate, formatDateTime, formatMoney } from '@/lib/format';
import { quoteTranslator } from './i18n';
import { Respond } from './respond';

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

/** The customer's view of a quotation: no account, the link's token is the key. */
export default async function PublicQuotePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await takePublicLink(await headers())).allowed) {
    const { t } = await quoteTranslator('en');
    return <main className="mx-auto max-w-3xl p-4"><p role="alert" className="card">{t('tooMany')}</p></main>;
  }
  const db = await getDb();
  const found = await findByToken(db, token);
  if (!found) notFound();
  const { quotation: q, org, state, lines } = found;
  const { locale, t, tq } = await quoteTranslator(q.language);
  const [customer] = await db.select().from(customers).where(eq(customers.id, q.customerId));
  const [contact] = q.contactId ? await db.select().from(contacts).where(eq(contacts.id, q.contactId)) : [];
  const [owner] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, q.ownerId));
  const money = (v: string) => formatMoney(v, q.currency, locale);
  const day = (d: string) => formatDate(new Date(`${d}T00:00:00Z`), locale, 'UTC');
  const number = displayNumber(q) ?? '';
  if (state === 'withdrawn' || state === 'expired') {
    return (
      <main className="mx-auto max-w-3xl space-y-4 p-4">
        <h1 className="h1">{org.legalName}</h1>
        <p role="status" className="card" data-testid="link-state">
          {state === 'expired' ? t('expired', { date: day(q.validUntil), salesperson: owner.name }) : t('withdrawn', { company: org.legalName })}
        </p>
      </main>
    );
  }
  const doc = await quotationDocument(db, q);
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-4" lang={locale}>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          {org.logo ? <img src={org.logo} alt="" className="h-12 w-auto" /> : null}
          <p className="font-semibold">{org.legalName}</p>
          <p className="whitespace-pre-line text-sm text-slate-600">{org.address}</p>
          {org.taxId ? <p className="text-sm text-slate-600">{org.taxId}{org.branch ? ` · ${org.branch}` : ''}</p> : null}
        </div>
        <a className="btn-primary" href={`/q/${token}/pdf`} data-testid="public-pdf" rel="noreferrer">{t('download')}</a>
      </header>
      <h1 className="h1" data-testid="public-number">{t('title', { number })}</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="card text-sm">
          <p className="text-slate-500">{t('to')}</p>
          <p className="font-medium" data-testid="public-customer">{customer.name}</p>
          {contact ? <p>{contact.name}</p> : null}
          <p className="whitespace-pre-line text-slate-600">{customer.address}</p>
        </div>
        <div className="card text-sm">
          <p>{tq('issueDate')}: {q.issueDate ? day(q.issueDate) : '—'}</p>
          <p>{t('validUntil', { date: day(q.validUntil) })}</p>
          <p>{t('salesperson')}: {owner.name} · {owner.email}</p>
        </div>
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
        {/* Names of products, units and VAT in the quotation's language (quotations/document.ts). */}
        {lines.map((l, i) => (
          <li key={l.id} className="grid gap-1 px-4 py-3 sm:grid-cols-6">
            <span className="sm:col-span-3">{l.position}. {doc.lines[i]?.description ?? l.description}</span>
            <span className="text-slate-600 sm:text-right">{trimZeros(l.quantity)} {doc.lines[i]?.unit ?? l.unit} × {money(trimZeros(l.unitPrice))}</span>
            <span className="text-slate-600 sm:text-right">{Number(l.discountValue) === 0 ? '' : l.discountKind === 'percent' ? `−${trimZeros(l.discountValue)} %` : `−${money(l.discount)}`}</span>
            <span className="font-medium sm:text-right">{money(l.net)}</span>
          </li>
        ))}
      </ul>
      <dl className="ml-auto max-w-sm space-y-1 text-sm">
        <div className="flex justify-between"><dt>{tq('subtotal')}</dt><dd>{money(q.subtotal)}</dd></div>
        {/* The PDF's order: subtotal, discount, amount before VAT, VAT, total. */}
        {Number(doc.documentDiscount) ? <div className="flex justify-between"><dt>{tq('documentDiscount')}</dt><dd>−{money(doc.documentDiscount)}</dd></div> : null}
        <div className="flex justify-between"><dt>{tq('taxBase')}</dt><dd>{money(q.taxBase)}</dd></div>
        {doc.taxes.map((tx, i) => <div key={i} className="flex justify-between"><dt>{tx.label || tq('line.tax')}</dt><dd>{money(tx.tax)}</dd></div>)}
        <div className="flex justify-between border-t border-slate-200 pt-1 text-base font-semibold"><dt>{tq('grandTotal')}</dt><dd data-testid="public-total">{money(q.grandTotal)}</dd></div>
        {q.pricesIncludeTax ? <p className="text-xs text-slate-500">{t('pricesIncludeTax')}</p> : null}
      </dl>
      {q.terms ? <section className="card text-sm"><h2 className="font-semibold">{tq('terms')}</h2><p className="whitespace-pre-line">{q.terms}</p></section> : null}
      {q.notes ? <section className="card text-sm"><h2 className="font-semibold">{tq('notes')}</h2><p className="whitespace-pre-line">{q.notes}</p></section> : null}
      {state === 'accepted' ? (
        <p role="status" className="card" data-testid="link-state">{t('accepted', { name: q.acceptedName ?? '', at: q.acceptedAt ? formatDateTime(q.acceptedAt, locale, org.timeZone) : '' })}</p>
      ) : state === 'declined' ? (
        <p role="status" className="card" data-testid="link-state">{t('declined')}</p>
      ) : (
        <Respond
          token={token}
          language={locale}
          labels={{
            acceptTitle: t('acceptTitle'), yourName: t('yourName'), agree: t('agree', { customer: customer.name }), accept: t('accept'),
            declineTitle: t('declineTitle'), reason: t('reason'), decline: t('decline'),
          }}
        />
      )}
    </main>
  );
}
