import { z } from 'zod';
import { checkbox, integer, longText, money, optionalDate, optionalEmail, optionalUuid, phone, text, requiredText, uuid } from '../validation';
import { customerInput } from '../customers/schemas';
import { CURRENCIES } from '../organization';

const isoDate = optionalDate();

const probability = z.preprocess((v) => (v == null || v === '' ? null : v), integer(0, 100, 'invalidProbability').nullable());

export const opportunityInput = z
  .object({
    title: requiredText(200),
    customerId: optionalUuid,
    // A customer typed in the deal form when it does not exist yet.
    newCustomerName: text(200).optional().default(''),
    // What a rep has at hand about that new customer; the contact person becomes its primary contact.
    newCustomerContact: text(200).optional(),
    newCustomerPhone: phone.optional(),
    newCustomerEmail: optionalEmail.optional(),
    newCustomerTaxId: customerInput.shape.taxId.optional(),
    newCustomerBranch: customerInput.shape.branch.optional(),
    newCustomerTerritoryId: optionalUuid.optional(),
    // Ticked after seeing the look-alike customers the first save reported.
    confirmDuplicate: checkbox.optional(),
    contactId: optionalUuid,
    // Optional: the stage names its pipeline.
    pipelineId: optionalUuid.optional().default(''),
    stageId: uuid,
    // Currency decimals are checked by the command, which knows the currency (parseAmount).
    amount: money({ empty: '' }).optional().default(''),
    currency: z.enum(CURRENCIES, { message: 'invalidChoice' }),
    expectedCloseDate: isoDate,
    probability,
    source: text(120).optional().default(''),
    description: longText(4000).optional().default(''),
    ownerId: optionalUuid.optional().default(''),
  })
  // Runs even when other fields failed, so the form shows every error at once.
  .refine((v) => Boolean(v.customerId || v.newCustomerName), { message: 'customerRequired', path: ['customerId'], when: () => true });
export type OpportunityInput = z.infer<typeof opportunityInput>;

export const moveInput = z.object({
  id: uuid,
  stageId: uuid,
  lostReasonId: optionalUuid.optional().default(''),
  lostNote: longText(2000).optional().default(''),
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
  amountMin: z.string().trim().regex(/^(\d{1,14}(\.\d{1,2})?)?$/, 'invalidAmount').optional().default(''),
  amountMax: z.string().trim().regex(/^(\d{1,14}(\.\d{1,2})?)?$/, 'invalidAmount').optional().default(''),
  q: text(100).optional().default(''),
  sort: z.enum(['created', 'amount', 'close', 'title']).optional().default('created'),
  cursor: z.string().max(400).optional().default(''),
});
export type OpportunityFilters = z.infer<typeof opportunityFilters>;
