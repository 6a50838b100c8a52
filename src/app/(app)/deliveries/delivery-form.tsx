'use client';

import { useId } from 'react';
import { ActionForm, FieldError, useFormState } from '@/components/forms/action-form';
import { Hidden, TextArea, TextField } from '@/components/forms/fields';
import type { FormState } from '@/lib/form-state';

export type DeliveryRow = { orderLineId: string; position: number; description: string; unit: string; remaining: string; onHand: string | null };

/**
 * One row per order line still to deliver, prefilled with what remains (0 = not this time). After
 * an error every row shows what was typed and its own message (`lines.N.quantity`).
 */
export function DeliveryForm({ action, orderId, rows, today, labels }: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  orderId: string;
  rows: DeliveryRow[];
  today: string;
  labels: { submit: string; line: string; remaining: string; quantity: string; onHand: string; deliveredOn: string; note: string; hint: string };
}) {
  return (
    <ActionForm action={action} submitLabel={labels.submit} testId="delivery-form" className="card space-y-3">
      <Hidden name="orderId" value={orderId} />
      <p className="text-sm text-slate-600">{labels.hint}</p>
      <FieldError name="lines" />
      <ul className="divide-y divide-slate-200">
        {rows.map((r, i) => (
          <QuantityRow key={r.orderLineId} index={i} row={r} labels={labels} />
        ))}
      </ul>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="deliveredOn" type="date" label={labels.deliveredOn} defaultValue={today} required />
      </div>
      <TextArea name="note" label={labels.note} rows={2} />
    </ActionForm>
  );
}

function QuantityRow({ index, row, labels }: { index: number; row: DeliveryRow; labels: { remaining: string; quantity: string; onHand: string } }) {
  const id = useId();
  const state = useFormState();
  const name = `lines.${index}.quantity`;
  const sent = state.status === 'error' ? state.values?.[name] : undefined;
  const value = sent === undefined ? row.remaining : Array.isArray(sent) ? (sent[0] ?? '') : sent;
  const error = state.fieldErrors?.[name] ?? state.fieldErrors?.[`lines.${index}.orderLineId`];
  return (
    <li className="flex flex-wrap items-end justify-between gap-2 py-2" data-testid="delivery-row">
      <input type="hidden" name={`lines.${index}.orderLineId`} value={row.orderLineId} />
      <div className="min-w-0 flex-1 basis-48">
        <p className="font-medium">{`${row.position}. ${row.description}`}</p>
        <p className="text-xs text-slate-500">
          {`${labels.remaining}: ${row.remaining} ${row.unit}`.trim()}
          {row.onHand !== null ? ` · ${labels.onHand.replace('{n}', row.onHand)}` : ''}
        </p>
      </div>
      <div className="flex w-32 flex-col gap-1">
        <label htmlFor={id} className="text-xs font-medium text-slate-700">{labels.quantity}</label>
        <input
          id={id} name={name} defaultValue={value} inputMode="decimal" className="input text-right"
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <div className="basis-full empty:hidden">
        <FieldError name={name} id={`${id}-error`} />
        <FieldError name={`lines.${index}.orderLineId`} />
      </div>
    </li>
  );
}
