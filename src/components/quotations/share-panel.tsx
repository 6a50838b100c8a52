'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';
import { useKeepingForm } from '@/components/forms/action-form';
import { idle, type FormState } from '@/lib/form-state';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

const noop = () => () => {};
/** Whether this browser has a share sheet (phones: LINE, Zalo, Messenger...). False on the server. */
const useCanShare = () => useSyncExternalStore(noop, () => typeof navigator !== 'undefined' && typeof navigator.share === 'function', () => false);

/**
 * The customer's live link, for the rep to pass on by chat as well as by mail: a read-only field,
 * "Copy link" (the clipboard, or the text selected for a manual copy where the clipboard is not
 * allowed) and, where the device has a share sheet, "Share…". The page gives it a link only while
 * the link works and only to someone who may see the quotation; `url` null means the link exists
 * but cannot be shown (sealed with another secret). `revoke` adds the confirmed "Revoke" step.
 */
export function SharePanel({
  url, title, text, revoke,
}: { url: string | null; title: string; text: string; revoke?: { action: Action; id: string; label: string } }) {
  const t = useTranslations('quoteSend');
  const canShare = useCanShare();
  const input = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<'copied' | 'copyFailed' | null>(null);
  const inputId = useId();

  useEffect(() => {
    if (note !== 'copied') return;
    const timer = setTimeout(() => setNote(null), 4000);
    return () => clearTimeout(timer);
  }, [note]);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote('copied');
    } catch {
      // No clipboard API (plain http, permissions): select the text and try the old copy command;
      // if that fails too, the selected text is there for the rep to copy themselves.
      input.current?.focus();
      input.current?.select();
      let copied = false;
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      setNote(copied ? 'copied' : 'copyFailed');
    }
  };
  const share = async () => {
    if (!url) return;
    try {
      await navigator.share({ title, text, url });
    } catch (e) {
      // The rep closed the sheet: nothing to do. Anything else: copy instead.
      if ((e as Error)?.name !== 'AbortError') await copy();
    }
  };

  return (
    <section className="card space-y-3" data-testid="share-panel" aria-labelledby={`${inputId}-label`}>
      {url ? (
        <>
          <div className="flex flex-col gap-1">
            <label id={`${inputId}-label`} htmlFor={inputId} className="text-sm font-medium text-slate-700">{t('link')}</label>
            <input
              ref={input}
              id={inputId}
              type="text"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="input font-mono text-xs sm:text-sm"
              data-testid="share-link"
            />
            <p className="text-xs text-slate-500">{t('shareHint')}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn-secondary" onClick={copy} data-testid="copy-link">{t('copy')}</button>
            {canShare ? <button type="button" className="btn-secondary" onClick={share} data-testid="share-link-button">{t('share')}</button> : null}
            <span role="status" aria-live="polite" className={`text-sm ${note === 'copyFailed' ? 'text-amber-800' : 'text-green-700'}`} data-testid="copy-note">
              {note ? t(note) : ''}
            </span>
          </div>
        </>
      ) : (
        <p id={`${inputId}-label`} className="text-sm text-slate-600" data-testid="share-unavailable">{t('linkUnavailable')}</p>
      )}
      {revoke ? <RevokeLink {...revoke} /> : null}
    </section>
  );
}

/**
 * Revoking asks first, in place: the question says what happens (the customer's link stops working
 * at once), focus moves to "Cancel", and only "Yes, revoke" sends the form.
 */
function RevokeLink({ action, id, label }: { action: Action; id: string; label: string }) {
  const t = useTranslations('quoteSend');
  const { state, formProps } = useKeepingForm(action, idle);
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const askId = useId();
  const asked = useRef(false);
  useEffect(() => {
    // Focus follows the step: to "Cancel" when the question opens, back to the button when it closes.
    if (asking) cancel.current?.focus();
    else if (asked.current) opener.current?.focus();
    asked.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <div className="space-y-2">
        {state.status === 'error' && state.message ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
        <button ref={opener} type="button" className="btn-danger" onClick={() => setAsking(true)} data-testid="revoke-open">{label}</button>
      </div>
    );
  }
  return (
    <form {...formProps} role="group" aria-labelledby={askId} className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3" data-testid="revoke-form">
      <p id={askId} className="text-sm text-red-900">{t('revokeAsk')}</p>
      {state.status === 'error' && state.message ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
      <input type="hidden" name="id" value={id} />
      <div className="flex flex-wrap gap-2">
        <RevokeSubmit label={t('revokeYes')} pendingLabel={t('revoking')} />
        <button ref={cancel} type="button" className="btn-secondary" onClick={() => setAsking(false)} data-testid="revoke-cancel">{t('cancel')}</button>
      </div>
    </form>
  );
}

function RevokeSubmit({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-busy={pending} className="btn-danger disabled:opacity-60" data-testid="revoke-confirm">
      {pending ? pendingLabel : label}
    </button>
  );
}
