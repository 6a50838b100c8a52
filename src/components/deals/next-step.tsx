import { CalendarClock, CircleAlert } from 'lucide-react';

export type NextStepView = { state: 'none' | 'planned' | 'overdue'; text: string } | null;

/** An open deal's next planned activity, marked when there is none or it is overdue. */
export function NextStep({ view }: { view: NextStepView }) {
  if (!view) return null;
  const cls = view.state === 'planned' ? 'text-slate-600' : view.state === 'overdue' ? 'font-medium text-red-700' : 'font-medium text-amber-700';
  const Icon = view.state === 'planned' ? CalendarClock : CircleAlert;
  return (
    <span className={`inline-flex items-center gap-1 text-xs ${cls}`} data-testid="next-step" data-state={view.state}>
      <Icon aria-hidden className="h-3.5 w-3.5 shrink-0" />
      {view.text}
    </span>
  );
}
