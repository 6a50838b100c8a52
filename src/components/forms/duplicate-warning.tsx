'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormState } from './action-form';
import { CheckboxField } from './fields';

/**
 * The look-alike customers a save reported, each a link when the user may see it, the others only
 * counted ("a customer with this tax ID exists, owned by another team"), and the box that lets the
 * next save go ahead (none for the same tax ID and branch, which is never saved twice). The box stays
 * while it is ticked, so a later error does not lose it.
 */
export function DuplicateWarning({ name = 'confirmDuplicate' }: { name?: string }) {
  const t = useTranslations('customers');
  const state = useFormState();
  const report = state.status === 'error' ? state.duplicates : undefined;
  const ticked = state.status === 'error' && state.values?.[name] === 'on';
  if (!report && !ticked) return null;
  const reason = (r: string) => t(`duplicateReason_${r}` as 'duplicateReason_name');
  // The same tax ID and branch is never saved twice: no box to tick, the branch must change.
  const blocked = Boolean(report && (report.seen.some((d) => d.reasons.includes('taxIdBranch')) || report.unseen.some((u) => u.reason === 'taxIdBranch')));
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="duplicate-warning">
      {report ? (
        <>
          <p className="font-medium">{t('duplicatesTitle')}</p>
          <ul className="list-disc pl-5">
            {report.seen.map((d) => (
              <li key={d.id}>
                <Link href={`/customers/${d.id}`} className="underline" target="_blank">{d.name}</Link>{' '}
                <span className="text-amber-800">({d.reasons.map(reason).join(', ')})</span>
              </li>
            ))}
            {report.unseen.map((u) => <li key={u.reason}>{t('duplicateUnseen', { count: u.count, reason: reason(u.reason) })}</li>)}
          </ul>
        </>
      ) : null}
      {blocked ? null : <CheckboxField name={name} label={t('confirmDuplicate')} />}
    </div>
  );
}
