import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { organizations } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { stale } from '../errors';
import { writeAudit } from '../audit/write';
import { LOCALES } from '../i18n/locales';
import { COUNTRIES } from '../catalog/tax-defaults';
import { integer, longText, requiredText, text, version } from '../validation';

export const CURRENCIES = ['THB', 'VND', 'RUB', 'USD', 'EUR'] as const;
export const MAX_LOGO_BYTES = 256 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const organizationInput = z.object({
  legalName: requiredText(200),
  address: longText(1000),
  taxId: text(20).refine((v) => v === '' || /^[0-9A-Za-z\-]{5,20}$/.test(v), 'invalidTaxId'),
  branch: text(60),
  currency: z.enum(CURRENCIES, { message: 'invalidChoice' }),
  // Which tax rates a new organization starts with; the rates themselves are dated data kept
  // under Admin › Tax rates, so there is no VAT figure among the settings.
  country: z.enum(COUNTRIES, { message: 'invalidChoice' }),
  locale: z.enum(LOCALES, { message: 'invalidChoice' }),
  timeZone: requiredText(64).refine(validTimeZone, 'invalidTimeZone'),
  removeLogo: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  quoteValidityDays: z.preprocess((v) => (v === undefined || v === '' ? '30' : v), integer(1, 365, 'invalidDays')),
  quoteTerms: longText(5000),
  // A stock shortage on confirming an order: a warning (unticked) or a blocker.
  stockShortageBlocks: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  version,
});
export type OrganizationInput = z.infer<typeof organizationInput>;

export async function getOrganization(db: Db, actor: Actor) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, actor.orgId));
  return org;
}

/** Reads an uploaded logo into a data: URL, or returns an error key. */
export async function logoFromFile(file: unknown): Promise<{ dataUrl?: string; error?: string }> {
  if (!(file instanceof File) || file.size === 0) return {};
  if (!LOGO_TYPES.includes(file.type)) return { error: 'logoType' };
  if (file.size > MAX_LOGO_BYTES) return { error: 'logoTooBig' };
  const b64 = Buffer.from(await file.arrayBuffer()).toString('base64');
  return { dataUrl: `data:${file.type};base64,${b64}` };
}

export async function updateOrganization(db: Db, actor: Actor, input: OrganizationInput, logo?: string): Promise<void> {
  assertCan(actor, 'org.manage');
  await db.transaction(async (tx) => {
    const done = await tx
      .update(organizations)
      .set({
        legalName: input.legalName,
        address: input.address,
        taxId: input.taxId,
        branch: input.branch,
        currency: input.currency,
        country: input.country,
        locale: input.locale,
        timeZone: input.timeZone,
        quoteValidityDays: input.quoteValidityDays,
        quoteTerms: input.quoteTerms,
        stockShortageBlocks: input.stockShortageBlocks,
        ...(logo ? { logo } : input.removeLogo ? { logo: null } : {}),
        version: input.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(organizations.id, actor.orgId), eq(organizations.version, input.version)))
      .returning({ id: organizations.id });
    if (!done.length) throw stale();
    await writeAudit(tx, actor, actor.orgId, 'organization', actor.orgId, 'update', { currency: input.currency, country: input.country });
  });
}
