'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';
import { useKeepingForm } from '@/components/forms/action-form';
import { idle, type FormState } from '@/lib/form-state';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

/** The same split as the server's `ccAddresses`, so an error at cc.2 names the third address typed. */
const splitCc = (v: string) => v.split(/[,;]/).map((a) => a.trim()).filter(Boolean);

/**
 * "Send" opens the mail as it will go, in the document's language: the recipient, a CC field,
 * the subject and the message, all editable but the recipient. Sending again says first that the
 * old link stops working. A native modal <dialog> keeps focus inside and closes with Escape; on a
 * phone it takes the whole width. The submit button is disabled and says "Sending…" while the
 * send runs, and a second submit is ignored until the answer is back (the server refuses a
 * repeat of the same form anyway: it carries the version the form was opened on).
 */
export function SendDialog({
  action, id, version, to, subject, message, again,
}: { action: Action; id: string; version: number; to: string | null; subject: string; message: string; again: boolean }) {
  const t = useTranslations('quoteSend');
  const { state, round, formProps } = useKeepingForm(action, idle);
  const dialog = useRef<HTMLDialogElement>(null);
  const busy = useRef(false);
  const [seen, setSeen] = useState(state);
  // The "sent" note belongs to the version it was sent as (the page comes back with it, in the same
  // answer): once the quotation changes again (a revoke, say) the note would be stale, so it goes.
  const [done, setDone] = useState<{ text: string; version: number } | null>(null);
  const titleId = useId();
  const baseId = useId();
  if (state !== seen) {
    setSeen(state);
    if (state.status === 'ok') setDone(state.message ? { text: state.message, version } : null);
  }
  useEffect(() => {
    busy.current = false;
    if (state.status === 'ok') dialog.current?.close();
  }, [state]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (busy.current) {
      e.preventDefault();
      return;
    }
    busy.current = true;
    formProps.onSubmit(e);
  };
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const sent = state.status === 'error' ? state.values : undefined;
  const value = (name: string, fallback: string) => {
    const v = sent?.[name];
    return v === undefined ? fallback : Array.isArray(v) ? (v[0] ?? '') : v;
  };
  const ccTyped = splitCc(value('cc', ''));
  const ccErrors = Object.entries(errors)
    .filter(([k]) => k === 'cc' || k.startsWith('cc.'))
    .map(([k, text]) => {
      const at = Number(k.split('.')[1]);
      return { k, text: Number.isInteger(at) && ccTyped[at] ? `${ccTyped[at]}: ${text}` : text };
    });
  const shownHere = new Set(['cc', 'subject', 'message', 'id', 'version', ...ccErrors.map((e) => e.k)]);
  const otherErrors = Object.entries(errors).filter(([k, text]) => !shownHere.has(k) && text !== state.message);
  const field = (name: string) => ({
    id: `${baseId}-${name}`,
    name,
    'aria-invalid': errors[name] || (name === 'cc' && ccErrors.length) ? true : undefined,
    'aria-describedby': `${baseId}-${name}-hint ${baseId}-${name}-error`,
    className: 'input',
  });
  const err = (name: string, list: { k: string; text: string }[] = errors[name] ? [{ k: name, text: errors[name] }] : []) => (
    <div id={`${baseId}-${name}-error`}>
      {list.map((e) => <p key={e.k} className="text-sm text-red-700" data-error-for={e.k}>{e.text}</p>)}
    </div>
  );

  return (
    <>
      <button type="button" className="btn-primary" data-testid="send-open" onClick={() => { setDone(null); dialog.current?.showModal(); }}>
        {again ? t('openAgain') : t('open')}
      </button>
      {done && done.version === version ? <p role="status" className="order-last basis-full rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="send-done">{done.text}</p> : null}
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-1rem)] max-w-2xl rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
        data-testid="send-dialog"
      >
        <form {...formProps} onSubmit={onSubmit} noValidate className="space-y-4 p-4 sm:p-6" data-testid="send-form">
          <div className="flex items-start justify-between gap-2">
            <h2 id={titleId} className="text-lg font-semibold">{again ? t('titleAgain') : t('title')}</h2>
            <button type="button" className="link text-sm" onClick={() => dialog.current?.close()}>{t('close')}</button>
          </div>
          {again ? <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="send-again-warning">{t('againWarning')}</p> : null}
          {state.status === 'error' && state.message ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              <p>{state.message}</p>
              {otherErrors.length ? <ul className="mt-1 list-disc pl-5" data-testid="form-errors">{otherErrors.map(([k, text]) => <li key={k} data-error-for={k}>{text}</li>)}</ul> : null}
            </div>
          ) : null}
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={String(version)} />
          <div key={round} className="space-y-4">
            <div className="flex flex-col gap-1 text-sm">
              <span className="font-medium text-slate-700">{t('to')}</span>
              {to ? <span className="break-all" data-testid="send-to">{to}</span> : <span className="text-red-700">{t('noRecipient')}</span>}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${baseId}-cc`} className="text-sm font-medium text-slate-700">{t('cc')}</label>
              <input {...field('cc')} type="text" inputMode="email" autoComplete="off" defaultValue={value('cc', '')} data-testid="send-cc" />
              <p id={`${baseId}-cc-hint`} className="text-xs text-slate-500">{t('ccHint')}</p>
              {err('cc', ccErrors)}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${baseId}-subject`} className="text-sm font-medium text-slate-700">{t('subject')}</label>
              <input {...field('subject')} type="text" maxLength={200} defaultValue={value('subject', subject)} data-testid="send-subject" />
              <span id={`${baseId}-subject-hint`} hidden />
              {err('subject')}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${baseId}-message`} className="text-sm font-medium text-slate-700">{t('message')}</label>
              <textarea {...field('message')} rows={10} maxLength={5000} defaultValue={value('message', message)} data-testid="send-message" />
              <p id={`${baseId}-message-hint`} className="text-xs text-slate-500">{t('marksHint', { number: '{number}', link: '{link}' })}</p>
              {err('message')}
            </div>
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>{t('cancel')}</button>
            <Submit label={again ? t('submitAgain') : t('submit')} pendingLabel={t('sending')} />
          </div>
        </form>
      </dialog>
    </>
  );
}

function Submit({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className="btn-primary disabled:opacity-60" data-testid="send-submit">
      {pending ? pendingLabel : label}
    </button>
  );
}
