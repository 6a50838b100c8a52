import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { email, idList, optionalUuid, requiredText } from '../validation';
import { MIN_PASSWORD } from '../auth/password';

const role = z.enum(['admin', 'manager', 'rep', 'finance'], { message: 'invalidChoice' });
const locale = z.enum(LOCALES, { message: 'invalidChoice' });
const territoryIds = idList(200);

export const newUserInput = z.object({
  name: requiredText(120),
  email,
  role,
  locale,
  teamId: optionalUuid,
  territoryIds,
  password: z.string().min(MIN_PASSWORD, 'passwordTooShort').max(200, 'tooLong'),
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const editUserInput = newUserInput.extend({
  // Empty keeps the current password; anything else must be a valid new one.
  password: z.string().max(200, 'tooLong').refine((v) => v === '' || v.length >= MIN_PASSWORD, 'passwordTooShort'),
  active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});
export type EditUserInput = z.infer<typeof editUserInput>;
