'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { decideApproval, requestApproval } from '@/server/quotations/approval';
import { choice, longText, uuid, version } from '@/server/validation';

export const requestApprovalAction = formAction(
  z.object({ id: uuid, version }),
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
  z.object({ id: uuid, version, decision: choice(['approve', 'reject']), note: longText(1000) }),
  async ({ db, actor, input }) => {
    await decideApproval(db, actor, input.id, input.version, input.decision, input.note);
    return { id: input.id, decision: input.decision };
  },
  async (r) => {
    revalidatePath(`/quotations/${r.id}`);
    return { status: 'ok', message: (await getTranslations('quotations.approval'))(r.decision === 'approve' ? 'approvedOk' : 'rejectedOk') };
  },
);
