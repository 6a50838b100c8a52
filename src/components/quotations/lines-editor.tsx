'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { FieldError, useFormState } from '@/components/forms/action-form';
import { checkTotalsInput, computeTotals, type DiscountKind } from '@/server/documents/totals';
import { ArrowUp } from 'lucide-react';
import { AvailableHint } from '@/components/stock/available-hint';

export type EditorLine = {
  key: string; productId: string; code: string; description: string; unit: string; quantity: string; unitPrice: string;
  discountKind: DiscountKind; discountValue: string; taxRateId: string;
  /** The catalogue had no price in the quotation's currency when it changed: the rep confirms this one. */
  priceToConfirm?: boolean;
  /** What the catalogue picker said is available of a stock-tracking product (not stored). */
  available?: string | null;
};
export type EditorValues = { currency: string; pricesIncludeTax: boolean; discountKind: DiscountKind; discountValue: string; lines: EditorLine[] };
type Rate = { id: string; name: string; rate: string };
type Hit = { id: string; code: string; name: string; unit: string; price: string; priceSource: string; taxRateId: string; available?: string | null };
export type EditorLabels = Record<
  | 'currency' | 'pricesIncludeTax' | 'lines' | 'addProduct' | 'productSearch' | 'addFreeLine' | 'noProducts' | 'description' | 'unit'
  | 'quantity' | 'unitPrice' | 'discount' | 'discountKind' | 'percent' | 'amount' | 'tax' | 'net' | 'remove' | 'up' | 'documentDiscount'
  | 'subtotal' | 'lineDiscounts' | 'taxBase' | 'grandTotal' | 'noPrice' | 'priceToConfirm' | 'confirmPrice',
  string
>;

let seq = 0;
const newKey = () => `l${Date.now().toString(36)}${(seq++).toString(36)}`;
/** Spaces and thousands commas out, decimal comma to a point: the same reading as the server's. */
const plain = (s: string) => {
  let v = s.trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v)) v = v.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(v)) v = v.replace(',', '.');
  return v;
};

/**
 * The lines of a quotation with a live preview of the totals, computed by the same totals module the
 * server uses (the server recomputes and stores its own). Sends everything as one JSON field, `lines`.
 */
export function LinesEditor({ initial, rates, currencies, customerId, language, labels, locale }: {
  initial: EditorValues; rates: Rate[]; currencies: string[]; customerId: string; language: string; labels: EditorLabels; locale: string;
}) {
  const state = useFormState();
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const [v, setV] = useState<EditorValues>(() => (state.status === 'error' ? fromEcho(state.values, initial) : initial));
  // Errors name lines by their place when sent ("lines.2.quantity"); remember which line was where,
  // so an error stays on its line when lines are then moved or removed.
  const [answer, setAnswer] = useState(state);
  const [sentKeys, setSentKeys] = useState(() => v.lines.map((l) => l.key));
  if (answer !== state) {
    setAnswer(state);
    setSentKeys(v.lines.map((l) => l.key));
  }
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const searchId = useId();
  // Suggestions for a line's unit: the organization's units in the quotation's language.
  const unitListId = useId();
  const [unitNames, setUnitNames] = useState<string[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    fetch(`/api/units?${new URLSearchParams({ language })}`, { signal: ctl.signal })
      .then((r) => (r.ok ? r.json() : []))
      .then((names: unknown) => setUnitNames(Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : []))
      .catch(() => {});
    return () => ctl.abort();
  }, [language]);
  const defaultRate = rates[0]?.id ?? '';

  useEffect(() => {
    if (q.trim().length < 1) return;
    const ctl = new AbortController();
    const params = new URLSearchParams({ q, customerId, currency: v.currency, pricesIncludeTax: String(v.pricesIncludeTax), language });
    const timer = setTimeout(() => {
      fetch(`/api/products/search?${params}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : []))
        .then(setHits)
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [q, customerId, v.currency, v.pricesIncludeTax, language]);

  const set = (patch: Partial<EditorValues>) => setV((cur) => ({ ...cur, ...patch }));
  /**
   * A new currency re-prices the catalogue lines from that currency's prices; a line the catalogue
   * does not price there keeps its figure and is marked for the rep to confirm (the server does the
   * same for a form sent without this, and refuses to send a marked line).
   */
  const [checkedFor, setCheckedFor] = useState(v.currency);
  const changeCurrency = (currency: string) => {
    const before = v.currency;
    set({ currency });
    const ids = [...new Set(v.lines.map((l) => l.productId).filter(Boolean))];
    if (!ids.length || currency === before) {
      setCheckedFor(currency);
      return;
    }
    const params = new URLSearchParams({ ids: ids.join(','), customerId, currency, pricesIncludeTax: String(v.pricesIncludeTax) });
    fetch(`/api/products/prices?${params}`)
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : null))
      .then((prices) => {
        if (!prices) return;
        setV((cur) => (cur.currency !== currency ? cur : {
          ...cur,
          lines: cur.lines.map((l) => (!l.productId ? l : prices[l.productId] ? { ...l, unitPrice: prices[l.productId], priceToConfirm: false } : { ...l, priceToConfirm: true })),
        }));
        setCheckedFor(currency);
      })
      .catch(() => {});
  };
  const setLine = (key: string, patch: Partial<EditorLine>) => set({ lines: v.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) });
  const add = (l: Partial<EditorLine>) =>
    set({ lines: [...v.lines, { key: newKey(), productId: '', code: '', description: '', unit: '', quantity: '1', unitPrice: '', discountKind: 'percent', discountValue: '0', taxRateId: defaultRate, ...l }] });

  const rateOf = (id: string) => rates.find((r) => r.id === id)?.rate ?? '0';
  const preview = useMemo(() => {
    const input = {
      currency: v.currency, pricesIncludeTax: v.pricesIncludeTax, discountKind: v.discountKind, discountValue: plain(v.discountValue) || '0',
      lines: v.lines.map((l) => ({
        quantity: plain(l.quantity), unitPrice: plain(l.unitPrice), discountKind: l.discountKind, discountValue: plain(l.discountValue) || '0',
        taxRate: rateOf(l.taxRateId), taxKey: l.taxRateId,
      })),
    };
    return Object.keys(checkTotalsInput(input)).length ? null : computeTotals(input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v, rates]);
  const money = (s: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: v.currency }).format(s as unknown as number);
  const payload = JSON.stringify(v.lines.map(({ productId, description, unit, quantity, unitPrice, discountKind, discountValue, taxRateId, priceToConfirm }) => ({ productId, description, unit, quantity, unitPrice, discountKind, discountValue, taxRateId, priceToConfirm: Boolean(priceToConfirm) })));
  const at = (key: string, f?: string) => {
    const i = sentKeys.indexOf(key);
    return i < 0 ? '' : f ? `lines.${i}.${f}` : `lines.${i}`;
  };
  const err = (key: string, f: string) => (at(key) ? errors[at(key, f)] : undefined);
  const cell = 'input w-full min-w-0';

  return (
    <div className="space-y-3" data-testid="lines-editor">
      <input type="hidden" name="lines" value={payload} />
      <datalist id={unitListId}>{unitNames.map((n) => <option key={n} value={n} />)}</datalist>
      {/* Tells the server these lines were re-priced here for this currency (else it re-prices them). */}
      <input type="hidden" name="pricesCheckedFor" value={checkedFor} />
      <input type="hidden" name="discountKind" value={v.discountKind} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {labels.currency}
          <select name="currency" value={v.currency} onChange={(e) => changeCurrency(e.target.value)} className="input" aria-invalid={errors.currency ? true : undefined}>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          <FieldError name="currency" as="span" />
        </label>
        <label className="flex flex-wrap items-center gap-2 self-end text-sm">
          <input type="checkbox" name="pricesIncludeTax" checked={v.pricesIncludeTax} onChange={(e) => set({ pricesIncludeTax: e.target.checked })} />
          {labels.pricesIncludeTax}
          <FieldError name="pricesIncludeTax" as="span" />
        </label>
      </div>
      <h2 className="font-semibold">{labels.lines}</h2>
      <FieldError name="lines" />
      <ol className="space-y-3">
        {v.lines.map((l, i) => (
          <li key={l.key} className={`rounded-md border p-3 ${at(l.key) && Object.keys(errors).some((k) => k === at(l.key) || k.startsWith(`${at(l.key)}.`)) ? 'border-red-300' : 'border-slate-200'}`} data-testid="quote-line">
            {at(l.key) ? <FieldError name={at(l.key)} /> : null}
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-12">
              <label className="col-span-2 flex flex-col gap-1 text-xs text-slate-600 sm:col-span-5">
                {labels.description}{l.code ? ` · ${l.code}` : ''}
                <input className={cell} value={l.description} onChange={(e) => setLine(l.key, { description: e.target.value })} aria-invalid={err(l.key, 'description') || err(l.key, 'productId') ? true : undefined} />
                <Err k={at(l.key, 'description')} />
                <Err k={at(l.key, 'productId')} />
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600 sm:col-span-2">
                {labels.quantity}
                <input className={cell} inputMode="decimal" value={l.quantity} onChange={(e) => setLine(l.key, { quantity: e.target.value })} aria-invalid={err(l.key, 'quantity') ? true : undefined} />
                <Err k={at(l.key, 'quantity')} />
                <AvailableHint available={l.available} quantity={l.quantity} />
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600 sm:col-span-1">
                {labels.unit}
                <input className={cell} list={unitListId} value={l.unit} onChange={(e) => setLine(l.key, { unit: e.target.value })} aria-invalid={err(l.key, 'unit') ? true : undefined} />
                <Err k={at(l.key, 'unit')} />
              </label>
              <label className="col-span-2 flex flex-col gap-1 text-xs text-slate-600 sm:col-span-4">
                {labels.unitPrice}
                <input className={cell} inputMode="decimal" value={l.unitPrice} onChange={(e) => setLine(l.key, { unitPrice: e.target.value, priceToConfirm: false })} aria-invalid={err(l.key, 'unitPrice') || l.priceToConfirm ? true : undefined} />
                <Err k={at(l.key, 'unitPrice')} />
                {l.priceToConfirm ? (
                  <span className="flex flex-wrap items-center gap-2 rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="price-to-confirm">
                    {labels.priceToConfirm.replace('{currency}', v.currency)}
                    <button type="button" className="underline" onClick={() => setLine(l.key, { priceToConfirm: false })}>{labels.confirmPrice}</button>
                  </span>
                ) : null}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600 sm:col-span-3">
                {labels.discount}
                <span className="flex gap-1">
                  <input className={cell} inputMode="decimal" value={l.discountValue} onChange={(e) => setLine(l.key, { discountValue: e.target.value })} aria-invalid={err(l.key, 'discountValue') ? true : undefined} />
                  <select aria-label={labels.discountKind} className="input" value={l.discountKind} onChange={(e) => setLine(l.key, { discountKind: e.target.value as DiscountKind })}>
                    <option value="percent">{labels.percent}</option>
                    <option value="amount">{labels.amount}</option>
                  </select>
                </span>
                <Err k={at(l.key, 'discountValue')} />
                <Err k={at(l.key, 'discountKind')} />
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600 sm:col-span-4">
                {labels.tax}
                <select className="input" value={l.taxRateId} onChange={(e) => setLine(l.key, { taxRateId: e.target.value })} aria-invalid={err(l.key, 'taxRateId') ? true : undefined}>
                  {rates.some((r) => r.id === l.taxRateId) ? null : <option value={l.taxRateId}>—</option>}
                  {rates.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
                </select>
                <Err k={at(l.key, 'taxRateId')} />
              </label>
              <div className="col-span-2 flex items-end justify-between gap-2 sm:col-span-5">
                <span className="text-sm" data-testid="line-net">{labels.net}: {preview ? money(preview.lines[i].net) : '—'}</span>
                <span className="flex gap-2">
                  {i > 0 ? (
                    <button type="button" className="btn-secondary" aria-label={labels.up.replace('{n}', String(i + 1))} title={labels.up.replace('{n}', String(i + 1))}
                      onClick={() => set({ lines: [...v.lines.slice(0, i - 1), l, v.lines[i - 1], ...v.lines.slice(i + 1)] })}>
                      <ArrowUp aria-hidden className="h-4 w-4" />
                    </button>
                  ) : null}
                  <button type="button" className="btn-secondary" onClick={() => set({ lines: v.lines.filter((x) => x.key !== l.key) })}>
                    {labels.remove.replace('{n}', String(i + 1))}
                  </button>
                </span>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <div className="grid gap-3 rounded-md border border-dashed border-slate-300 p-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={searchId} className="text-sm font-medium text-slate-700">{labels.addProduct}</label>
          <input id={searchId} type="search" className="input" placeholder={labels.productSearch} value={q} onChange={(e) => setQ(e.target.value)} data-testid="product-search" />
          {q.trim() && hits ? (
            hits.length ? (
              <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="product-hits">
                {hits.map((h) => (
                  <li key={h.id}>
                    <button
                      type="button"
                      className="flex w-full justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50"
                      onClick={() => {
                        add({ productId: h.id, code: h.code, description: h.name, unit: h.unit, unitPrice: h.price, taxRateId: h.taxRateId || defaultRate, available: h.available });
                        setQ('');
                        setHits(null);
                      }}
                    >
                      <span>{h.code} · {h.name} <AvailableHint available={h.available} /></span>
                      <span className="text-slate-500">{h.price ? money(h.price) : labels.noPrice.replace('{currency}', v.currency)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : <p className="text-sm text-slate-500">{labels.noProducts}</p>
          ) : null}
        </div>
        <div className="flex items-end">
          <button type="button" className="btn-secondary" onClick={() => add({})}>{labels.addFreeLine}</button>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {labels.documentDiscount}
          <span className="flex gap-1">
            <input name="discountValue" className="input w-full" inputMode="decimal" value={v.discountValue} onChange={(e) => set({ discountValue: e.target.value })} aria-invalid={errors.discountValue ? true : undefined} />
            <select aria-label={labels.discountKind} className="input" value={v.discountKind} onChange={(e) => set({ discountKind: e.target.value as DiscountKind })}>
              <option value="percent">{labels.percent}</option>
              <option value="amount">{labels.amount}</option>
            </select>
          </span>
          <FieldError name="discountValue" as="span" />
          <FieldError name="discountKind" as="span" />
        </label>
        <dl className="space-y-1 text-sm" data-testid="totals-preview">
          {preview ? (
            <>
              <Row label={labels.subtotal} value={money(preview.subtotal)} />
              {preview.documentDiscount !== money0(preview.documentDiscount) ? <Row label={labels.documentDiscount} value={`−${money(preview.documentDiscount)}`} /> : null}
              <Row label={labels.taxBase} value={money(preview.taxBase)} />
              {preview.taxes.map((t) => <Row key={t.key} label={rates.find((r) => r.id === t.key)?.name ?? labels.tax} value={money(t.tax)} />)}
              <Row label={labels.grandTotal} value={money(preview.grandTotal)} strong testId="grand-total" />
            </>
          ) : <p className="text-slate-500">—</p>}
        </dl>
      </div>
    </div>
  );
}

const money0 = (s: string) => s.replace(/[1-9]/g, '0');

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? 'border-t border-slate-200 pt-1 font-semibold' : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** A line cell's error; `k` is empty for a line added since the last answer (it has none yet). */
function Err({ k }: { k: string }) {
  return k ? <FieldError name={k} as="span" /> : null;
}

/** The editor's values as the user last sent them, when the form comes back with an error. */
function fromEcho(values: Record<string, string | string[]> | undefined, initial: EditorValues): EditorValues {
  const one = (k: string) => {
    const x = values?.[k];
    return typeof x === 'string' ? x : undefined;
  };
  if (!values || one('lines') === undefined) return initial;
  let sent: unknown;
  try {
    sent = JSON.parse(one('lines')!);
  } catch {
    return initial;
  }
  if (!Array.isArray(sent)) return initial;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const kind = (x: unknown): DiscountKind => (x === 'amount' ? 'amount' : 'percent');
  return {
    currency: one('currency') ?? initial.currency,
    pricesIncludeTax: one('pricesIncludeTax') === 'on',
    discountKind: kind(one('discountKind')),
    discountValue: one('discountValue') ?? initial.discountValue,
    lines: sent.map((l: Record<string, unknown>, i) => {
      const known = initial.lines.find((x) => x.productId && x.productId === l?.productId);
      return {
        key: `echo${i}`, productId: str(l?.productId), code: known?.code ?? '', description: str(l?.description), unit: str(l?.unit),
        quantity: str(l?.quantity), unitPrice: str(l?.unitPrice), discountKind: kind(l?.discountKind), discountValue: str(l?.discountValue), taxRateId: str(l?.taxRateId),
        priceToConfirm: l?.priceToConfirm === true,
      };
    }),
  };
}
