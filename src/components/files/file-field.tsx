'use client';

import { useId } from 'react';
import { FieldError, useFormState } from '@/components/forms/action-form';

export function FileField({ label, hint, accept }: { label: string; hint: string; accept: string }) {
  const id = useId();
  const error = useFormState().fieldErrors?.file;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
      <input id={id} name="file" type="file" accept={accept} className="text-sm" aria-invalid={error ? true : undefined} />
      <p className="text-xs text-slate-500">{hint}</p>
      <FieldError name="file" />
    </div>
  );
}
