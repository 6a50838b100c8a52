'use server';

import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import {
  createQuotation, duplicateQuotation, quotationInput, reviseQuotation, revokeLink, sendInput, sendQuotation, updateQuotation,
} from '@/server/quotations';
import { optionalUuid, uuid, version } from '@/server/validation';
import { ensureQuotationPdf } from '@/server/quotations/pdf';

export const createQuotationAction = formAction(
  quotationInput,
  ({ db, actor, input }) => createQuotation(db, actor, input),
  (id) => redirect(`/quotations/${id}`),
);

export const updateQuotationAction = formAction(
  quotationInput.and(z.object({ id: uuid, version })),
  async ({ db, actor, input }) => {
    await updateQuotation(db, actor, input.id, input.version, input);
    return input.id;
  },
  (id) => redirect(`/quotations/${id}`),
);

export const sendQuotationAction = formAction(
  sendInput,
  async ({ db, actor, input }) => ({ id: input.id, ...(await sendQuotation(db, actor, input.id, input)) }),
  async (r, { db }) => {
    // The sent version's PDF is rendered and stored once, after the send has committed and the
    // answer has gone out; the renders job redoes it if the process stops first.
    after(() => ensureQuotationPdf(db, r.id).catch((e: unknown) => console.warn('Quotation PDF render after send failed', r.id, e)));
    revalidatePath(`/quotations/${r.id}`);
    return { status: 'ok', message: (await getTranslations('quotations'))('sentOk', { number: r.number }) };
  },
);

export const reviseQuotationAction = formAction(
  z.object({ id: uuid }),
  ({ db, actor, input }) => reviseQuotation(db, actor, input.id),
  (id) => redirect(`/quotations/${id}/edit`),
);

export const duplicateQuotationAction = formAction(
  z.object({ id: uuid, customerId: z.preprocess((v) => v ?? '', optionalUuid) }),
  ({ db, actor, input }) => duplicateQuotation(db, actor, input.id, input.customerId),
  (id) => redirect(`/quotations/${id}/edit`),
);

export const revokeLinkAction = formAction(
  z.object({ id: uuid }),
  async ({ db, actor, input }) => {
    await revokeLink(db, actor, input.id);
    return input.id;
  },
  async (id) => {
    revalidatePath(`/quotations/${id}`);
    return { status: 'ok', message: (await getTranslations('quotations'))('revoked') };
  },
);
