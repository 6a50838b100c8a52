import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/server/db/client';
import { listOutbox } from '@/server/mail';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import { requireAdmin } from '../guard';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.outbox'))('title') };
}

/** Mail the app has sent or, without a mail service, kept here; a failing mail shows its tries and error. */
export default async function OutboxPage() {
  const actor = await requireAdmin('outbox.read');
  const t = await getTranslations('admin.outbox');
  const locale = (await getLocale()) as Locale;
  const mails = await listOutbox(await getDb(), actor);
  return (
    <div className="space-y-4">
      <h1 className="h1">{t('title')}</h1>
      {mails.length === 0 ? <p className="card text-slate-600">{t('empty')}</p> : null}
      <ul className="space-y-2" data-testid="outbox">
        {mails.map((m) => (
          <li key={m.id} className="card space-y-1 py-3">
            <p className="text-sm text-slate-500">
              {formatDateTime(m.createdAt, locale, actor.org.timeZone)} · {t('to')}: {m.to}
              {m.cc ? <span data-testid="mail-cc"> · {t('cc')}: {m.cc}</span> : null} · {t(`statuses.${m.status}`)}
              {m.attempts > 1 || m.status === 'failed' ? ` · ${t('tries', { count: m.attempts })}` : null}
              {m.status === 'pending' && m.error ? ` · ${t('nextTry', { when: formatDateTime(m.nextAttemptAt, locale, actor.org.timeZone) })}` : null}
            </p>
            <p className="font-medium">{m.subject}</p>
            {m.error && m.status !== 'sent' ? (
              <p className="text-sm text-red-700" data-testid="mail-error">
                {t('lastError')}: {m.error}
              </p>
            ) : null}
            <details>
              <summary className="link cursor-pointer text-sm">{t('body')}</summary>
              <pre className="mt-2 whitespace-pre-wrap text-sm">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
