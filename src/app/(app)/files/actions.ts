'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { attachFile, deleteAttachment } from '@/server/files';
import { optionalUuid, uuid } from '@/server/validation';

const parent = z.object({ customerId: z.preprocess((v) => v ?? '', optionalUuid), opportunityId: z.preprocess((v) => v ?? '', optionalUuid) });
const refresh = (p: { customerId: string | null; opportunityId: string | null }) => {
  if (p.customerId) revalidatePath(`/customers/${p.customerId}`);
  if (p.opportunityId) revalidatePath(`/opportunities/${p.opportunityId}`);
};

export const attachFileAction = formAction(
  parent,
  ({ db, actor, input, formData }) => attachFile(db, actor, input, formData.get('file') as File),
  (_id, { input }) => refresh(input),
);

export const deleteFileAction = formAction(
  parent.extend({ id: uuid }),
  ({ db, actor, input }) => deleteAttachment(db, actor, input.id),
  (_r, { input }) => refresh(input),
);
