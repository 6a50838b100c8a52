'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/server/action';
import { activityInput, logActivity } from '@/server/activities';

export const logActivityAction = formAction(
  activityInput,
  ({ db, actor, input }) => logActivity(db, actor, input),
  (_id, { input }) => {
    if (input.customerId) revalidatePath(`/customers/${input.customerId}`);
    if (input.opportunityId) revalidatePath(`/opportunities/${input.opportunityId}`);
  },
);
