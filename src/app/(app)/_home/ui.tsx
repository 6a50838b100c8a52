import Link from 'next/link';
import type { LucideIcon } from 'lucide-react';
import { ArrowRight } from 'lucide-react';
import { formatMoney } from '@/lib/format';
import { INTL_TAG } from '@/lib/locale';
import type { Locale } from '@/server/i18n/locales';

/** One block of the home page: a titled card with an optional footer link. */
export function Block({ title, icon: Icon, testId, footer, children }: {
  title: string; icon: LucideIcon; testId: string; footer?: { href: string; label: string } | null; children: React.ReactNode;
}) {
  return (
    <section className="card flex min-w-0 flex-col gap-3" data-testid={testId} aria-label={title}>
      <h2 className="flex items-center gap-2 font-semibold text-slate-900">
        <Icon aria-hidden className="h-5 w-5 shrink-0 text-indigo-600" />
        <span className="min-w-0 [overflow-wrap:anywhere]">{title}</span>
      </h2>
      <div className="min-w-0 flex-1 space-y-3">{children}</div>
      {footer ? (
        <Link href={footer.href} className="link inline-flex items-center gap-1 self-start text-sm font-medium">
          {footer.label}
          <ArrowRight aria-hidden className="h-4 w-4 shrink-0" />
        </Link>
      ) : null}
    </section>
  );
}

/** A friendly line for a block with nothing to show. */
export function Empty({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return <p className="rounded-md bg-slate-50 px-3 py-4 text-sm text-slate-600" data-testid={testId}>{children}</p>;
}

/** Integer digits of a decimal string, to decide when a headline amount is too long for a phone. */
const integerDigits = (amount: string) => amount.replace(/^-/, '').split('.')[0].length;

/**
 * An amount as the currency shows it. A headline (`compact`) in the billions, such as a month of
 * VND, is shortened (12,3 tỷ ₫) with the exact amount in the title, so it fits a phone; a list
 * amount never is, it wraps under its row instead.
 */
export function Money({ amount, currency, locale, compact = false }: { amount: string; currency: string; locale: Locale; compact?: boolean }) {
  const exact = formatMoney(amount, currency, locale);
  if (!compact || integerDigits(amount) <= 9) return <span className="whitespace-nowrap" data-amount={amount}>{exact}</span>;
  const short = new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount as unknown as number);
  return (
    <span className="whitespace-nowrap" title={exact} data-amount={amount}>
      {short}
      <span className="sr-only"> ({exact})</span>
    </span>
  );
}

/** Totals per currency, the organization's own first, one under the other. */
export function Totals({ items, locale, orgCurrency, compact = true }: { items: { currency: string; amount: string }[]; locale: Locale; orgCurrency: string; compact?: boolean }) {
  if (!items.length) return <Money amount="0" currency={orgCurrency} locale={locale} />;
  const sorted = [...items].sort((a, b) => (a.currency === orgCurrency ? -1 : b.currency === orgCurrency ? 1 : a.currency.localeCompare(b.currency)));
  return (
    <span className="flex flex-col">
      {sorted.map((m) => (
        <Money key={m.currency} amount={m.amount} currency={m.currency} locale={locale} compact={compact} />
      ))}
    </span>
  );
}

/** A calendar date (YYYY-MM-DD) as the user's language writes it, without any time zone shift. */
export function formatDay(day: string, locale: Locale, style: 'medium' | 'long' | 'full' = 'medium') {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function monthName(day: string, locale: Locale) {
  return new Intl.DateTimeFormat(INTL_TAG[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
