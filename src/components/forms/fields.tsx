'use client';

import { useId, type ReactNode } from 'react';
import { FieldError, useFormState } from './action-form';

/**
 * The value a field starts from: what the user last sent when it failed (a submit before the page
 * was interactive renders the answer afresh), else the record's value. Once interactive, the form
 * is never reset after an error, so the field simply keeps what the user chose.
 */
function useValue(name: string, defaultValue: string | undefined) {
  const state = useFormState();
  const echoed = state.status === 'error' ? state.values : undefined;
  let value = defaultValue ?? '';
  if (echoed && name in echoed) {
    const sent = echoed[name];
    value = Array.isArray(sent) ? (sent[0] ?? '') : sent;
  }
  return { value, error: state.fieldErrors?.[name] };
}

function Wrap({ id, name, label, hint, children }: { id: string; name: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

type Base = { name: string; label: string; defaultValue?: string; required?: boolean; hint?: string };

export function TextField({ type = 'text', autoComplete, inputMode, ...p }: Base & { type?: string; autoComplete?: string; inputMode?: 'tel' | 'email' | 'text' | 'decimal' }) {
  const id = useId();
  const { value, error } = useValue(p.name, p.defaultValue);
  return (
    <Wrap id={id} name={p.name} label={p.label} hint={p.hint}>
      <input
        id={id}
        name={p.name}
        type={type}
        defaultValue={type === 'password' ? undefined : value}
        required={p.required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="input"
      />
    </Wrap>
  );
}

export function TextArea(p: Base & { rows?: number }) {
  const id = useId();
  const { value, error } = useValue(p.name, p.defaultValue);
  return (
    <Wrap id={id} name={p.name} label={p.label} hint={p.hint}>
      <textarea id={id} name={p.name} defaultValue={value} rows={p.rows ?? 3} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="input" />
    </Wrap>
  );
}

type Option = { value: string; label: string };

/** A select; `groups` puts the options under headings (a pipeline's stages, say). */
export function SelectField(p: Base & { options: Option[]; groups?: { label: string; options: Option[] }[]; emptyLabel?: string }) {
  const id = useId();
  const { value, error } = useValue(p.name, p.defaultValue);
  return (
    <Wrap id={id} name={p.name} label={p.label} hint={p.hint}>
      <select id={id} name={p.name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="input">
        {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {p.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </optgroup>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const state = useFormState();
  const checked = state.status === 'error' && state.values ? state.values[name] === 'on' : Boolean(defaultChecked);
  return (
    <div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" name={name} defaultChecked={checked} className="h-4 w-4" />
        {label}
      </label>
      <FieldError name={name} />
    </div>
  );
}

export function CheckboxGroup({ name, label, options, defaultValues = [] }: { name: string; label: string; options: { value: string; label: string }[]; defaultValues?: string[] }) {
  const state = useFormState();
  const sent = state.status === 'error' && state.values ? state.values[name] : undefined;
  const selected = state.status === 'error' && state.values ? (Array.isArray(sent) ? sent : sent ? [sent] : []) : defaultValues;
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      <div className="grid max-h-60 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={selected.includes(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError name={name} nested />
    </fieldset>
  );
}

/** A hidden field (ids, versions) that always carries its given value. */
export function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={String(value)} />;
}
