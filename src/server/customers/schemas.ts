import { z } from 'zod';
import { checkbox, longText, optionalEmail, optionalUuid, phone, requiredText, text, uuid } from '../validation';

export const customerInput = z.object({
  name: requiredText(200),
  taxId: text(20).refine((v) => v === '' || /^[0-9A-Za-z\-]{5,20}$/.test(v), 'invalidTaxId'),
  branch: text(60),
  phone,
  email: optionalEmail,
  address: longText(1000),
  notes: longText(4000),
  territoryId: optionalUuid,
  ownerId: optionalUuid,
  // Pricing; left out by callers that create a customer on the fly (a deal's inline customer).
  priceListId: z.preprocess((v) => v ?? '', optionalUuid).optional(),
  customerGroup: z.preprocess((v) => v ?? '', text(60)).optional(),
  // Ticked after seeing the look-alike customers the first save reported (see customers/duplicates).
  confirmDuplicate: checkbox.optional(),
});
export type CustomerInput = z.infer<typeof customerInput>;

export const contactInput = z.object({
  name: requiredText(200),
  title: text(120),
  phone,
  email: optionalEmail,
  isPrimary: checkbox,
});
export type ContactInput = z.infer<typeof contactInput>;

export const customerFilters = z.object({
  q: text(100).optional().default(''),
  territoryId: z.union([uuid, z.literal('')]).optional().default(''),
  ownerId: z.union([uuid, z.literal('')]).optional().default(''),
  cursor: z.string().max(400).optional().default(''),
});
export type CustomerFilters = z.infer<typeof customerFilters>;
