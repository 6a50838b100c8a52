'use client';

import {
  createContext, Fragment, startTransition, useActionState, useContext, useLayoutEffect, useState, useSyncExternalStore,
  type FormEvent, type ReactNode,
} from 'react';
import { useFormStatus } from 'react-dom';
import { idle, type FormState } from '@/lib/form-state';

type Action<S> = (prev: S, fd: FormData) => Promise<S>;

const Ctx = createContext<FormState>(idle);
export const useFormState = () => useContext(Ctx);

/**
 * A form bound to a server action that never changes what the user chose.
 *
 * React resets a form (`form.reset()`) when its `action` prop finishes; that puts every select
 * back on its first (or mount-time) option, even controlled ones, and unticks checkboxes, while
 * the component state still holds the user's choice. So once hydrated the form is submitted from
 * `onSubmit` inside a transition, which React runs without the reset: after an error the fields
 * are exactly as the user left them. `action` stays on the form for submits before hydration,
 * where the fields start from the values the action echoes back.
 *
 * After a success the fields are remounted (`round` changes), so they start afresh from the
 * page's new values instead of keeping stale input.
 */
export function useKeepingForm<S extends { status: string }>(action: Action<S>, initial: S) {
  const [state, dispatch] = useActionState<S, FormData>(action as (prev: Awaited<S>, fd: FormData) => Promise<S>, initial as Awaited<S>) as [S, (fd: FormData) => void, boolean];
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  if (state !== seen) {
    setSeen(state);
    if (state.status === 'ok') setRound(round + 1);
  }
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(fd));
  };
  return { state, round, formProps: { action: dispatch, onSubmit } };
}

/** Which field errors are shown beside a field; the others are listed in the form's message. */
function createShownErrors() {
  const counts = new Map<string, number>();
  const listeners = new Set<() => void>();
  let snapshot = '';
  const changed = () => {
    snapshot = [...counts.keys()].sort().join('\n');
    for (const l of listeners) l();
  };
  return {
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    get: () => snapshot,
    claim(key: string) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      changed();
      return () => {
        const n = (counts.get(key) ?? 1) - 1;
        if (n > 0) counts.set(key, n);
        else counts.delete(key);
        changed();
      };
    },
  };
}
type ShownErrors = ReturnType<typeof createShownErrors>;
const ShownCtx = createContext<ShownErrors | null>(null);

/** Tells the form that the error of `key` is shown beside its field (nothing while `key` is empty). */
export function useShowsError(key: string | undefined) {
  const shown = useContext(ShownCtx);
  useLayoutEffect(() => (key && shown ? shown.claim(key) : undefined), [key, shown]);
}

/**
 * A field's error, beside the field; it counts as shown so the form does not repeat it. `nested`
 * also shows the errors of the field's parts ("territoryIds.2" for a checkbox group).
 */
export function FieldError({ name, id, as = 'p', nested = false }: { name: string; id?: string; as?: 'p' | 'span'; nested?: boolean }) {
  const errors = useFormState().fieldErrors ?? {};
  const keys = nested ? Object.keys(errors).filter((k) => k === name || k.startsWith(`${name}.`)) : name in errors ? [name] : [];
  return keys.map((k, i) => <ErrorText key={k} name={k} text={errors[k]} id={i === 0 ? id : undefined} as={as} />);
}

function ErrorText({ name, text, id, as: Tag }: { name: string; text: string; id?: string; as: 'p' | 'span' }) {
  useShowsError(name);
  return <Tag id={id} className="block text-sm text-red-700" data-error-for={name}>{text}</Tag>;
}

/** A form bound to a server action; errors show at the top and beside fields, nothing chosen is lost. */
export function ActionForm({
  action,
  children,
  submitLabel,
  className = 'space-y-4',
  danger = false,
  testId,
  encType,
}: {
  action: Action<FormState>;
  children?: ReactNode;
  submitLabel: string;
  className?: string;
  danger?: boolean;
  testId?: string;
  encType?: 'multipart/form-data';
}) {
  const { state, round, formProps } = useKeepingForm(action, idle);
  const [shown] = useState(createShownErrors);
  // Subscribed from the start, so that the fields' claims (layout effects) re-render the list of
  // unshown errors before the browser paints: no error ever flashes twice.
  const beside = useSyncExternalStore(shown.subscribe, shown.get, () => '');
  return (
    <form {...formProps} className={className} data-testid={testId} noValidate encType={encType}>
      <Ctx.Provider value={state}>
        <ShownCtx.Provider value={shown}>
          {state.status !== 'idle' && state.message ? (
            <div
              role={state.status === 'error' ? 'alert' : 'status'}
              className={
                state.status === 'error'
                  ? 'rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800'
                  : 'rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800'
              }
            >
              <p>{state.message}</p>
              {state.status === 'error' ? <UnshownErrors state={state} beside={beside} /> : null}
            </div>
          ) : null}
          <Fragment key={round}>{children}</Fragment>
          <Submit label={submitLabel} danger={danger} />
        </ShownCtx.Provider>
      </Ctx.Provider>
    </form>
  );
}

/** Errors of fields that have no input on this form (or none showing now): never dropped. */
function UnshownErrors({ state, beside }: { state: FormState; beside: string }) {
  const shown = new Set(beside.split('\n'));
  const rest = Object.entries(state.fieldErrors ?? {}).filter(([k, text]) => !shown.has(k) && text !== state.message);
  if (!rest.length) return null;
  return (
    <ul className="mt-1 list-disc pl-5" data-testid="form-errors">
      {rest.map(([k, text]) => <li key={k} data-error-for={k}>{text}</li>)}
    </ul>
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
