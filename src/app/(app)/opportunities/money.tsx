import { formatMoney } from '@/lib/format';
import { INTL_TAG } from '@/lib/locale';
import type { Locale } from '@/server/i18n/locales';

/** Longer than this, an amount does not fit a half-width card on a phone (375 px) at the cards' size. */
const FITS_PHONE_CARD = 10;

/** "฿12.3M", "12,3 млн ₽": the amount in the locale's compact notation, for narrow cards. */
export function compactMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 })
    .format(amount as unknown as number);
}

/**
 * An amount that always fits its card: on a phone a long one is shown compact ("฿12.3M") with the
 * full amount in its title and for screen readers; from the small breakpoint up, in full.
 */
export function FittingMoney({ amount, currency, locale }: { amount: string; currency: string; locale: Locale }) {
  const full = formatMoney(amount, currency, locale);
  if (full.length <= FITS_PHONE_CARD) return <span className="whitespace-nowrap">{full}</span>;
  return (
    <span title={full}>
      <span aria-hidden className="whitespace-nowrap sm:hidden">{compactMoney(amount, currency, locale)}</span>
      <span className="sr-only sm:not-sr-only sm:whitespace-nowrap">{full}</span>
    </span>
  );
}

/** Amounts per currency, the organization's own first. */
export function MoneyList({ items, locale, orgCurrency }: { items: { currency: string; amount: string }[]; locale: Locale; orgCurrency: string }) {
  if (!items.length) return <FittingMoney amount="0" currency={orgCurrency} locale={locale} />;
  const sorted = [...items].sort((a, b) => (a.currency === orgCurrency ? -1 : b.currency === orgCurrency ? 1 : a.currency.localeCompare(b.currency)));
  return (
    <span className="flex flex-col">
      {sorted.map((m) => (
        <FittingMoney key={m.currency} amount={m.amount} currency={m.currency} locale={locale} />
      ))}
    </span>
  );
}
