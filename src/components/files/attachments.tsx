import { getLocale, getTranslations } from 'next-intl/server';
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale } from '@/server/i18n/locales';
import type { Actor } from '@/server/access/actor';
import { can } from '@/server/access/permissions';
import { ALLOWED_EXTENSIONS, MAX_FILE_BYTES } from '@/server/files/limits';
import { ActionForm } from '@/components/forms/action-form';
import { Hidden } from '@/components/forms/fields';
import { FileField } from './file-field';
import { attachFileAction, deleteFileAction } from '@/app/(app)/files/actions';

type Row = { id: string; fileName: string; size: number; createdAt: Date; uploadedBy: string };

export async function Attachments({ actor, rows, parent }: { actor: Actor; rows: Row[]; parent: { customerId?: string; opportunityId?: string } }) {
  const t = await getTranslations('files');
  const locale = (await getLocale()) as Locale;
  const hidden = (
    <>
      {parent.customerId ? <Hidden name="customerId" value={parent.customerId} /> : null}
      {parent.opportunityId ? <Hidden name="opportunityId" value={parent.opportunityId} /> : null}
    </>
  );
  const mb = formatNumber(Math.round(MAX_FILE_BYTES / 1024 / 1024), locale);
  return (
    <section className="space-y-3" aria-label={t('title')}>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('empty')}</p> : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="attachments">
        {rows.map((f) => (
          <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
            <span>
              <a href={`/api/files/${f.id}`} className="link" download>{f.fileName}</a>
              <span className="ml-2 text-xs text-slate-500">{formatNumber(Math.ceil(f.size / 1024), locale)} KB · {f.uploadedBy} · {formatDate(f.createdAt, locale, actor.org.timeZone)}</span>
            </span>
            {can(actor, 'file.manage') ? (
              <ActionForm action={deleteFileAction} submitLabel={t('delete')} className="flex" danger>
                {hidden}
                <Hidden name="id" value={f.id} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {can(actor, 'file.manage') ? (
        <ActionForm action={attachFileAction} submitLabel={t('upload')} encType="multipart/form-data" testId="upload-form" className="card space-y-3">
          {hidden}
          <FileField label={t('choose')} hint={t('hint', { mb, types: ALLOWED_EXTENSIONS.join(', ') })} accept={ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',')} />
        </ActionForm>
      ) : null}
    </section>
  );
}
