'use client';

import { useId } from 'react';
import { FieldError, useFormState } from '@/components/forms/action-form';

export function LogoField({ label, hint, current, currentAlt }: { label: string; hint: string; current: string | null; currentAlt: string }) {
  const id = useId();
  const error = useFormState().fieldErrors?.logo;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
      {current ? (
        // A data: URL from the database; next/image cannot optimise it.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={current} alt={currentAlt} className="h-16 w-auto self-start rounded border border-slate-200 bg-white p-1" />
      ) : null}
      <input id={id} name="logo" type="file" accept="image/png,image/jpeg,image/webp" className="text-sm" aria-invalid={error ? true : undefined} />
      <p className="text-xs text-slate-500">{hint}</p>
      <FieldError name="logo" />
    </div>
  );
}
