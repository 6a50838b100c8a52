'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/server/action';
import { decideApproval, decideApprovalInput, requestApproval, requestApprovalInput } from '@/server/quotations/approval';

export const requestApprovalAction = formAction(
  requestApprovalInput,
  async ({ db, actor, input }) => {
    await requestApproval(db, actor, input.id, input.version);
    return input.id;
  },
  async (id) => {
    revalidatePath(`/quotations/${id}`);
    return { status: 'ok', message: (await getTranslations('quotations.approval'))('requested') };
  },
);

export const decideApprovalAction = formAction(
  decideApprovalInput,
  async ({ db, actor, input }) => {
    await decideApproval(db, actor, input.id, input.version, input.decision, input.note);
    return { id: input.id, decision: input.decision };
  },
  async (r) => {
    revalidatePath(`/quotations/${r.id}`);
    return { status: 'ok', message: (await getTranslations('quotations.approval'))(r.decision === 'approve' ? 'approvedOk' : 'rejectedOk') };
  },
);
