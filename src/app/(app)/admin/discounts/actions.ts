'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { formAction } from '@/server/action';
import { discountPoliciesInput, saveDiscountPolicies } from '@/server/quotations/discount-policies';

export const saveDiscountPoliciesAction = formAction(
  discountPoliciesInput,
  ({ db, actor, input }) => saveDiscountPolicies(db, actor, input),
  async () => {
    revalidatePath('/admin/discounts');
    return { status: 'ok', message: (await getTranslations('admin.discounts'))('saved') };
  },
);
