'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { formAction } from '@/server/action';
import { createUnit, deactivateUnit, unitInput, updateUnit } from '@/server/catalog';
import { uuid, version } from '@/server/validation';

const saved = async () => {
  revalidatePath('/admin/units');
  return { status: 'ok' as const, message: (await getTranslations('catalog'))('saved') };
};

export const createUnitAction = formAction(unitInput, ({ db, actor, input }) => createUnit(db, actor, input), saved);

export const updateUnitAction = formAction(
  unitInput.extend({ id: uuid, version }),
  ({ db, actor, input }) => updateUnit(db, actor, input.id, input.version, input),
  saved,
);

export const deactivateUnitAction = formAction(
  z.object({ id: uuid, version }),
  ({ db, actor, input }) => deactivateUnit(db, actor, input.id, input.version),
  saved,
);
