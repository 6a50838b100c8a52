import 'server-only';
import { opportunityFilters, type OpportunityFilters } from '@/server/opportunities/schemas';
import { todayIn } from '@/server/opportunities/commands';

type Raw = Record<string, string | string[] | undefined>;

/** Filters from the address bar; anything invalid is dropped and reported. */
export function readFilters(raw: Raw): { filters: OpportunityFilters; bad: boolean } {
  const one = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) ?? '']));
  const parsed = opportunityFilters.safeParse(one);
  if (parsed.success) return { filters: parsed.data, bad: false };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const retry = opportunityFilters.safeParse(Object.fromEntries(Object.entries(one).filter(([k]) => !bad.has(k))));
  return { filters: retry.success ? retry.data : opportunityFilters.parse({}), bad: true };
}

/** The win-rate period: the chosen close-date range, else this calendar year where the company is. */
export function periodOf(f: OpportunityFilters, timeZone: string) {
  const year = todayIn(timeZone).slice(0, 4);
  return { from: f.closeFrom || `${year}-01-01`, to: f.closeTo || `${year}-12-31` };
}

export function query(f: Partial<OpportunityFilters>, extra: Record<string, string> = {}) {
  const all: Record<string, unknown> = { ...f, cursor: '', ...extra };
  const kept = Object.entries(all).filter(([, v]) => v != null && v !== '');
  return '?' + new URLSearchParams(kept.map(([k, v]) => [k, String(v)])).toString();
}
