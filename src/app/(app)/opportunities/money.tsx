import { formatMoney } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';

/** Amounts per currency, the organization's own first. */
export function MoneyList({ items, locale, orgCurrency }: { items: { currency: string; amount: string }[]; locale: Locale; orgCurrency: string }) {
  if (!items.length) return <span>{formatMoney('0', orgCurrency, locale)}</span>;
  const sorted = [...items].sort((a, b) => (a.currency === orgCurrency ? -1 : b.currency === orgCurrency ? 1 : a.currency.localeCompare(b.currency)));
  return (
    <span className="flex flex-col">
      {sorted.map((m) => (
        <span key={m.currency}>{formatMoney(m.amount, m.currency, locale)}</span>
      ))}
    </span>
  );
}
