'use client';

import { useFormStatus } from 'react-dom';
import { useKeepingForm } from '@/components/forms/action-form';
import { acceptAction, declineAction, type AnswerState } from './actions';

type Labels = { acceptTitle: string; yourName: string; agree: string; accept: string; declineTitle: string; reason: string; decline: string };
const idle: AnswerState = { status: 'idle' };

/** Accept (typed name + agreement) or decline (optional reason); once answered, only the result shows. */
export function Respond({ token, language, labels }: { token: string; language: string; labels: Labels }) {
  // Submitted without React's form reset, so the typed name and the ticked box survive an error.
  const { state: accepted, formProps: accept } = useKeepingForm(acceptAction, idle);
  const { state: declined, formProps: decline } = useKeepingForm(declineAction, idle);
  const done = accepted.status === 'ok' ? accepted : declined.status === 'ok' ? declined : null;
  if (done) return <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800" data-testid="answer-done">{done.message}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form {...accept} className="card space-y-3" data-testid="accept-form" noValidate>
        <h2 className="font-semibold">{labels.acceptTitle}</h2>
        <Message state={accepted} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="language" value={language} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {labels.yourName}
          <input name="name" className="input" autoComplete="name" defaultValue={accepted.values?.name ?? ''} aria-invalid={accepted.fieldErrors?.name ? true : undefined} />
          {accepted.fieldErrors?.name ? <span className="text-sm text-red-700">{accepted.fieldErrors.name}</span> : null}
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="agree" className="mt-1" />
          <span>{labels.agree}</span>
        </label>
        {accepted.fieldErrors?.agree ? <p className="text-sm text-red-700">{accepted.fieldErrors.agree}</p> : null}
        <Submit label={labels.accept} />
      </form>
      <form {...decline} className="card space-y-3" data-testid="decline-form" noValidate>
        <h2 className="font-semibold">{labels.declineTitle}</h2>
        <Message state={declined} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="language" value={language} />
        <label className="flex flex-col gap-1 text-sm font-medium">
          {labels.reason}
          <textarea name="reason" rows={3} className="input" defaultValue={declined.values?.reason ?? ''} />
        </label>
        <Submit label={labels.decline} secondary />
      </form>
    </div>
  );
}

function Message({ state }: { state: AnswerState }) {
  return state.status === 'error' && state.message ? <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p> : null;
}

function Submit({ label, secondary }: { label: string; secondary?: boolean }) {
  const { pending } = useFormStatus();
  return <button type="submit" disabled={pending} className={`${secondary ? 'btn-secondary' : 'btn-primary'} disabled:opacity-60`}>{label}</button>;
}
