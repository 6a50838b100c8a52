'use client';

import { createContext, useActionState, useContext, type ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { idle, type FormState } from '@/lib/form-state';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const Ctx = createContext<FormState>(idle);
export const useFormState = () => useContext(Ctx);

/** A form bound to a server action; errors show at the top and beside fields, typed values survive. */
export function ActionForm({
  action,
  children,
  submitLabel,
  className = 'space-y-4',
  danger = false,
  testId,
  encType,
}: {
  action: Action;
  children?: ReactNode;
  submitLabel: string;
  className?: string;
  danger?: boolean;
  testId?: string;
  encType?: 'multipart/form-data';
}) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} className={className} data-testid={testId} noValidate encType={encType}>
      <Ctx.Provider value={state}>
        {state.status !== 'idle' && state.message ? (
          <p
            role={state.status === 'error' ? 'alert' : 'status'}
            className={
              state.status === 'error'
                ? 'rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800'
                : 'rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800'
            }
          >
            {state.message}
          </p>
        ) : null}
        {children}
        <Submit label={submitLabel} danger={danger} />
      </Ctx.Provider>
    </form>
  );
}

function Submit({ label, danger }: { label: string; danger: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`${danger ? 'btn-danger' : 'btn-primary'} disabled:opacity-60`}
    >
      {label}
    </button>
  );
}
