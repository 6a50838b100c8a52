import type { ReactNode } from 'react';

/** One label and value of a record's summary (inside a <dl>); an empty value shows a dash. */
export function detailRow(label: string, value: ReactNode) {
  return (
    <div key={label} className="grid grid-cols-3 gap-2 py-1">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm">{value || '—'}</dd>
    </div>
  );
}
