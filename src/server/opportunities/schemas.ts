import { z } from 'zod';
import { optionalUuid, text, requiredText, uuid } from '../validation';
import { CURRENCIES } from '../organization';

const isoDate = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), 'invalidDate')
  .transform((v) => (v === '' ? null : v));

const probability = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 100), 'invalidProbability')
  .transform((v) => (v === '' ? null : Number(v)));

export const opportunityInput = z
  .object({
    title: requiredText(200),
    customerId: optionalUuid,
    // A customer typed in the deal form when it does not exist yet.
    newCustomerName: text(200).optional().default(''),
    contactId: optionalUuid,
    // Optional: the stage names its pipeline.
    pipelineId: optionalUuid.optional().default(''),
    stageId: uuid,
    amount: z.string().max(40, 'tooLong').optional().default(''),
    currency: z.enum(CURRENCIES, { message: 'invalidChoice' }),
    expectedCloseDate: isoDate,
    probability: z.preprocess((v) => v ?? '', probability),
    source: text(120).optional().default(''),
    description: text(4000).optional().default(''),
    ownerId: optionalUuid.optional().default(''),
  })
  .refine((v) => v.customerId || v.newCustomerName, { message: 'customerRequired', path: ['customerId'] });
export type OpportunityInput = z.infer<typeof opportunityInput>;

export const moveInput = z.object({
  id: uuid,
  stageId: uuid,
  lostReasonId: optionalUuid.optional().default(''),
  lostNote: text(2000).optional().default(''),
});
export type MoveInput = z.infer<typeof moveInput>;

export const opportunityFilters = z.object({
  pipelineId: z.union([uuid, z.literal('')]).optional().default(''),
  customerId: z.union([uuid, z.literal('')]).optional().default(''),
  stageId: z.union([uuid, z.literal('')]).optional().default(''),
  ownerId: z.union([uuid, z.literal('')]).optional().default(''),
  teamId: z.union([uuid, z.literal('')]).optional().default(''),
  territoryId: z.union([uuid, z.literal('')]).optional().default(''),
  status: z.enum(['', 'open', 'won', 'lost', 'standby']).optional().default(''),
  starred: z.enum(['', '1']).optional().default(''),
  closeFrom: isoDate.optional().default(''),
  closeTo: isoDate.optional().default(''),
  amountMin: z.string().trim().regex(/^(\d{1,16}(\.\d{1,2})?)?$/, 'invalidAmount').optional().default(''),
  amountMax: z.string().trim().regex(/^(\d{1,16}(\.\d{1,2})?)?$/, 'invalidAmount').optional().default(''),
  q: text(100).optional().default(''),
  sort: z.enum(['created', 'amount', 'close', 'title']).optional().default('created'),
  cursor: z.string().max(400).optional().default(''),
});
export type OpportunityFilters = z.infer<typeof opportunityFilters>;
