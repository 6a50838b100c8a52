'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import {
  addTaxRatePeriod, createTaxRate, endTaxPeriodInput, endTaxRatePeriod, newTaxRateInput, removeTaxRatePeriod, taxPeriodInput,
  taxRateInput, updateTaxRate,
} from '@/server/catalog';
import { uuid } from '@/server/validation';

const saved = async () => {
  revalidatePath('/admin/tax-rates');
  return { status: 'ok' as const, message: (await getTranslations('catalog'))('saved') };
};

export const createTaxRateAction = formAction(newTaxRateInput, ({ db, actor, input }) => createTaxRate(db, actor, input), saved);

export const updateTaxRateAction = formAction(
  taxRateInput.extend({ id: uuid }),
  ({ db, actor, input }) => updateTaxRate(db, actor, input.id, input),
  saved,
);

export const addTaxPeriodAction = formAction(taxPeriodInput, ({ db, actor, input }) => addTaxRatePeriod(db, actor, input), saved);

export const endTaxPeriodAction = formAction(endTaxPeriodInput, ({ db, actor, input }) => endTaxRatePeriod(db, actor, input), saved);

export const removeTaxPeriodAction = formAction(
  z.object({ periodId: uuid }),
  ({ db, actor, input }) => removeTaxRatePeriod(db, actor, input.periodId),
  saved,
);
