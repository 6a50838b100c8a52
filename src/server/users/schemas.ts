import { z } from 'zod';
import { LOCALES } from '../i18n/locales';
import { email, idList, optionalUuid, requiredText } from '../validation';

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
});
export type NewUserInput = z.infer<typeof newUserInput>;

// No password here: a new user is invited by mail, and a reset mails a link (commands.sendPasswordLink).
export const editUserInput = newUserInput.extend({
  active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
});
export type EditUserInput = z.infer<typeof editUserInput>;
