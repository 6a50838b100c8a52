import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import type { NextStepView } from '@/components/deals/next-step';

type T = (key: 'nextStep' | 'noNextStep' | 'nextOverdue', values?: Record<string, string>) => string;

/** What a deal list row or board card says about the deal's next planned activity. */
export function nextStepView(
  d: { status: string; nextTaskTitle: string | null; nextTaskDueMs: number | null },
  t: T,
  locale: Locale,
  timeZone: string,
  now: number,
): NextStepView {
  if (d.status !== 'open') return null;
  if (!d.nextTaskTitle || d.nextTaskDueMs == null) return { state: 'none', text: t('noNextStep') };
  const values = { title: d.nextTaskTitle, due: formatDateTime(new Date(d.nextTaskDueMs), locale, timeZone) };
  return d.nextTaskDueMs < now ? { state: 'overdue', text: t('nextOverdue', values) } : { state: 'planned', text: t('nextStep', values) };
}

/** The request's clock for overdue marks (server components render once per request). */
export const requestTime = (): number => new Date().getTime();
