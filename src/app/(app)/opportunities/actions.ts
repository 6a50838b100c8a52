'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { createOpportunity, moveOpportunity, setStandby, setStarred, updateOpportunity } from '@/server/opportunities/commands';
import { moveInput, opportunityInput } from '@/server/opportunities/schemas';
import { longText, optionalDate, optionalUuid, uuid, version } from '@/server/validation';

export const createOpportunityAction = formAction(
  // A deal created straight into a lost stage needs its reason like any move.
  opportunityInput.and(z.object({ lostReasonId: optionalUuid.optional().default(''), lostNote: longText(2000).optional().default('') })),
  ({ db, actor, input }) => createOpportunity(db, actor, input, input),
  (id) => redirect(`/opportunities/${id}`),
);

export const updateOpportunityAction = formAction(
  opportunityInput.and(z.object({ id: uuid, version })),
  ({ db, actor, input }) => updateOpportunity(db, actor, input.id, input.version, input),
  (_r, { input }) => redirect(`/opportunities/${input.id}`),
);

// The version the user saw; absent only for callers that have none (then the command reads it).
const seenVersion = z.preprocess((v) => (v === '' ? undefined : v), version.optional());

export const moveOpportunityAction = formAction(
  moveInput.extend({ version: seenVersion }),
  ({ db, actor, input }) => moveOpportunity(db, actor, input, input.version),
  () => revalidatePath('/opportunities', 'layout'),
);

export const standbyAction = formAction(
  z.object({ id: uuid, standbyUntil: optionalDate(), version: seenVersion }),
  ({ db, actor, input }) => setStandby(db, actor, input.id, input.standbyUntil, input.version),
  (_r, { input }) => revalidatePath(`/opportunities/${input.id}`),
);

export const starAction = formAction(
  z.object({ id: uuid, starred: z.enum(['true', 'false']) }),
  ({ db, actor, input }) => setStarred(db, actor, input.id, input.starred === 'true'),
  (_r, { input }) => revalidatePath(`/opportunities/${input.id}`),
);

/** For drag and drop on the board: the same command, called from a client component. */
export async function dropOnStage(id: string, stageId: string, seen?: number): Promise<{ ok: boolean; message?: string; needsReason?: boolean }> {
  const fd = new FormData();
  fd.set('id', String(id));
  fd.set('stageId', String(stageId));
  if (seen !== undefined) fd.set('version', String(seen));
  const result = await moveOpportunityAction({ status: 'idle' }, fd);
  const needsReason = Boolean(result.fieldErrors?.lostReasonId);
  return { ok: result.status === 'ok', message: needsReason ? undefined : result.message, needsReason };
}
