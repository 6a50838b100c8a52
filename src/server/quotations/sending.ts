import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, max, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { contacts, customers, organizations, quotationLines, quotations } from '../db/schema';
import type { Actor } from '../access/actor';
import { assertCan } from '../access/permissions';
import { conflict, DomainError, invalid, stale } from '../errors';
import { writeAudit } from '../audit/write';
import { queueMail } from '../mail';
import { MAX_SUBJECT } from '../mail/subject';
import { nextNumber } from '../documents/numbering';
import { formatDay } from '../documents/pdf/format';
import { todayIn } from '../opportunities/commands';
import { loadMessages } from '@/messages';
import { isLocale } from '../i18n/locales';
import { email, longText, requiredText, uuid, version } from '../validation';
import { getQuotation, displayNumber, type QuotationDetail } from './queries';
import { insertLines, inputFrom, quotationDefaults } from './commands';
import { prepareLines, totalsColumns } from './lines';
import { newLinkToken, quoteLink } from './link';
import { openLinkToken, sealLinkToken } from './link-seal';
import { formatMoney } from '@/lib/format';
import { holdRefs } from '../access/refs';
import { sendBlock } from './approval';

/** What the rep may change in the mail before it goes. */
export const MAX_MESSAGE = 5000;
export const MAX_CC = 10;
/**
 * In the subject and message the rep edits, these stand for what exists only once the quotation is
 * sent: the number a draft takes, and the new customer link (a link is made on each send).
 */
export const NUMBER_MARK = '{number}';
export const LINK_MARK = '{link}';

/** "a@x.th, b@y.vn": zero or more addresses, each a valid email (errors at cc.0, cc.1...). */
export const ccAddresses = z.preprocess(
  (v) => (v == null ? [] : typeof v === 'string' ? splitCc(v) : v),
  z.array(email, { message: 'invalid' }).max(MAX_CC, 'tooManyCc'),
);
export const splitCc = (v: string) => v.split(/[,;]/).map((a) => a.trim()).filter(Boolean);

export const sendInput = z.object({
  id: uuid,
  version,
  subject: requiredText(MAX_SUBJECT),
  message: longText(MAX_MESSAGE).refine((v) => v.length > 0, 'required'),
  cc: ccAddresses,
});
export type SendMail = { version: number; subject: string; message: string; cc: string[] };

async function translator(locale: string, namespace: string) {
  const { createTranslator } = await import('use-intl/core');
  const messages = await loadMessages(isLocale(locale) ? locale : 'en');
  return createTranslator({ locale, messages, namespace } as never) as unknown as (key: string, values?: Record<string, string>) => string;
}

async function mailText(locale: string, params: Record<string, string>) {
  const t = await translator(locale, 'quoteMail');
  return { subject: t('subject', params), text: t('body', params) };
}

/**
 * The template's subject and message in the document's language, its dates and amounts formatted
 * the way the PDF formats them (a Thai quotation says 25 ธันวาคม 2569, not 2026-12-25).
 */
async function templateMail(db: Db, actor: Actor, q: QuotationDetail, v: { number: string; link: string; total: string; contact: string }) {
  const [org] = await db.select({ legalName: organizations.legalName }).from(organizations).where(eq(organizations.id, actor.orgId));
  return mailText(q.language, {
    number: v.number, company: org?.legalName ?? '', customer: q.customerName, contact: v.contact,
    total: formatMoney(v.total, q.currency, isLocale(q.language) ? q.language : 'en'), validUntil: formatDay(q.validUntil, q.language), link: v.link,
    salesperson: q.ownerName,
  });
}

/** Where the mail goes: the quotation's contact, else the customer's primary contact with an email, else the customer. */
async function recipientOf(db: Db, q: QuotationDetail) {
  const [customer] = await db.select({ email: customers.email }).from(customers).where(eq(customers.id, q.customerId));
  // Without a contact of its own the quotation goes to the customer's primary contact with an
  // email (one added after the quotation was written counts), else to the customer's address.
  const fallback = q.contactId ? null : await primaryContactWithEmail(db, q.customerId);
  const to = q.contactEmail || fallback?.email || customer?.email || null;
  return { to, fallback };
}

/**
 * The mail as the send form first shows it, in the document's language: recipient, subject and
 * message from the template, with the marks for what the send itself makes (a draft's number, the
 * link). Read through the scoped getter, so only someone who may see the quotation gets it.
 */
export async function mailDraft(db: Db, actor: Actor, id: string) {
  const q = await getQuotation(db, actor, id);
  const { to, fallback } = await recipientOf(db, q);
  // A draft is priced again when it goes (today's tax rates), so the message quotes that total;
  // when no rate is in force today the send will say so, and the form shows the stored total.
  const total = q.status === 'draft'
    ? await priceOn(db, actor, await inputFrom(db, q), todayIn(actor.org.timeZone)).then((r) => r.totals.grandTotal, () => q.grandTotal)
    : q.grandTotal;
  const mail = await templateMail(db, actor, q, {
    number: displayNumber(q) ?? NUMBER_MARK, link: LINK_MARK, total, contact: q.contactName ?? fallback?.name ?? q.customerName,
  });
  return { to, subject: mail.subject, message: mail.text, version: q.version, language: q.language };
}

/**
 * What goes out: the marks filled in, and the link always in the message: if the rep took it out,
 * it is added at the end (a mail without it would leave the customer nothing to open).
 */
export function composeMail(subject: string, message: string, v: { number: string; link: string }) {
  const fill = (s: string) => s.replaceAll(NUMBER_MARK, v.number).replaceAll(LINK_MARK, v.link);
  const text = fill(message).trimEnd();
  return { subject: fill(subject), text: text.includes(v.link) ? text : `${text}\n\n${v.link}` };
}

/**
 * The customer's link, for the rep to copy or share, while it works: sent, not revoked, not
 * expired, and its sealed token opens with this server's secret. Takes a quotation read through
 * the scoped getter, so only those who may see the quotation ever get its link.
 */
export function liveLinkOf(q: Pick<QuotationDetail, 'id' | 'status' | 'effectiveStatus' | 'tokenRevokedAt' | 'tokenSealed'>): string | null {
  if (q.status !== 'sent' || q.effectiveStatus !== 'sent' || q.tokenRevokedAt) return null;
  const token = openLinkToken(q.tokenSealed, q.id);
  return token ? quoteLink(token) : null;
}

/**
 * What the share sheet passes on (LINE, Zalo...): the live link and a line for the customer in
 * the document's language. Null while the link does not work; `url` null when it works but
 * cannot be shown (sealed under another secret, or before links were sealed).
 */
export async function linkShare(db: Db, actor: Actor, q: QuotationDetail) {
  if (q.status !== 'sent' || q.effectiveStatus !== 'sent' || q.tokenRevokedAt) return null;
  const [org] = await db.select({ legalName: organizations.legalName }).from(organizations).where(eq(organizations.id, actor.orgId));
  const number = displayNumber(q) ?? '';
  const t = await translator(q.language, 'quoteSend');
  return { url: liveLinkOf(q), title: number, text: t('shareText', { number, company: org?.legalName ?? '' }) };
}

/**
 * Sends a draft (or sends a sent quotation again): takes the next number of the year's series if
 * it has none, makes a new customer link (the previous one stops working) and queues the mail, all
 * in one transaction. The mail leaves after commit; nothing is rendered inside the transaction.
 * `mail` is what the rep saw and edited (subject, message, CC) with the version of the quotation
 * the form showed: a second submit of the same form finds a newer version and is refused as stale,
 * so a double click never sends a second mail or takes a second number. Without `mail` the
 * template is sent as it is.
 */
export async function sendQuotation(db: Db, actor: Actor, id: string, mail?: SendMail): Promise<{ token: string; number: string }> {
  const q = await getQuotation(db, actor, id);
  assertCan(actor, 'quotation.send');
  if (mail && mail.version !== q.version) throw stale();
  if (q.effectiveStatus !== 'draft' && q.effectiveStatus !== 'sent') throw conflict('cannotSend');
  if (!q.lines.length) throw invalid({ lines: 'noLines' });
  const today = todayIn(actor.org.timeZone);
  if (q.validUntil < today) throw invalid({ validUntil: 'validUntilPast' });
  const { to, fallback } = await recipientOf(db, q);
  if (!to) throw invalid({ contactId: 'noRecipient' });
  // A draft is issued today, so its lines take the tax rates in force today, whatever they were
  // when it was written; a quotation sent again keeps its issue date and its figures.
  const repriced = q.status === 'draft' ? await priceOn(db, actor, await inputFrom(db, q), today) : null;
  const grandTotal = repriced?.totals.grandTotal ?? q.grandTotal;
  const { token, hash } = newLinkToken();
  const number = await db.transaction(async (tx) => {
    // The checks above ran on a read; under the lock the state must still be the one they saw
    // (an acceptance, a decline, a revision or the same send submitted twice changes the status
    // and the version).
    const [locked] = await tx
      .select({ version: quotations.version, number: quotations.number, status: quotations.status, approvedVersion: quotations.approvedVersion })
      .from(quotations)
      .where(eq(quotations.id, id))
      .for('update');
    if (!locked || (locked.status !== 'draft' && locked.status !== 'sent')) throw conflict('cannotSend');
    if (locked.version !== q.version) throw stale();
    // Lines whose price awaits the rep's word, and discounts beyond the sender's limits without an
    // approval of this very version, keep a draft from going out (checked under the lock).
    if (locked.status === 'draft') {
      const block = await sendBlock(tx, actor, { ...q, version: locked.version, approvedVersion: locked.approvedVersion });
      if (block) throw conflict(block);
    }
    // The contact it falls back to is written on the quotation, so it must still be there.
    if (fallback) await holdRefs(tx, { contactId: { table: 'contact', id: fallback.id } });
    const number = locked.number ?? (await nextNumber(tx, actor.orgId, 'quotation', Number(today.slice(0, 4))));
    await tx
      .update(quotations)
      .set({
        number, status: 'sent', issueDate: q.status === 'draft' ? today : q.issueDate, sentAt: new Date(), sentTo: to,
        tokenHash: hash, tokenSealed: sealLinkToken(token, id), tokenRevokedAt: null, version: q.version + 1, updatedAt: new Date(),
        // An approval of an earlier version says nothing about what goes out: only one of this version stays on record.
        ...(locked.status === 'draft' && locked.approvedVersion !== locked.version ? { approvedAt: null, approvedById: null, approvedVersion: null } : {}),
        ...(fallback ? { contactId: fallback.id } : {}),
        ...(repriced ? totalsColumns(repriced.totals, q.currency) : {}),
      })
      .where(eq(quotations.id, id));
    if (repriced) {
      await tx.delete(quotationLines).where(eq(quotationLines.quotationId, id));
      await insertLines(tx, id, repriced.lines, repriced.totals);
    }
    const shown = displayNumber({ number, revision: q.revision })!;
    const link = quoteLink(token);
    const out = mail
      ? composeMail(mail.subject, mail.message, { number: shown, link })
      : await templateMail(tx, actor, q, { number: shown, link, total: grandTotal, contact: q.contactName ?? fallback?.name ?? q.customerName });
    const cc = [...new Map((mail?.cc ?? []).filter((a) => a.toLowerCase() !== to.toLowerCase()).map((a) => [a.toLowerCase(), a])).values()];
    await queueMail(tx, { orgId: actor.orgId, to, cc, subject: out.subject, text: out.text });
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, 'send', { number: shown, to, ...(cc.length ? { cc: cc.join(', ') } : {}) });
    return shown;
  });
  return { token, number };
}

/** The customer's primary contact, when it has an email. */
async function primaryContactWithEmail(db: Db, customerId: string) {
  const [c] = await db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), eq(contacts.isPrimary, true), ne(contacts.email, '')))
    .limit(1);
  return c ?? null;
}

/**
 * Revises a sent (or declined, or expired) quotation: the old version is retired with its link and
 * a new draft version (v2, v3...) carries the same number and lines, ready to edit and send.
 */
export async function reviseQuotation(db: Db, actor: Actor, id: string): Promise<string> {
  const q = await getQuotation(db, actor, id);
  assertCan(actor, 'quotation.edit');
  if (!['sent', 'expired', 'declined'].includes(q.effectiveStatus)) throw conflict('cannotRevise');
  const input = await inputFrom(db, q);
  const defaults = await quotationDefaults(db, actor);
  input.validUntil = defaults.validUntil;
  const { lines, totals } = await priceOn(db, actor, input, todayIn(actor.org.timeZone));
  const newId = randomUUID();
  await db.transaction(async (tx) => {
    const done = await tx
      .update(quotations)
      .set({ status: 'revised', tokenRevokedAt: new Date(), tokenSealed: null, version: q.version + 1, updatedAt: new Date() })
      // Only a quotation still in a revisable state, as it was read: an acceptance in between wins.
      .where(and(eq(quotations.id, id), eq(quotations.version, q.version), inArray(quotations.status, ['sent', 'declined'])))
      .returning({ id: quotations.id });
    if (!done.length) throw stale();
    const [{ last }] = await tx.select({ last: max(quotations.revision) }).from(quotations).where(eq(quotations.familyId, q.familyId));
    // The contact may have been deleted since the quotation was read: the new version then has none.
    const contactId = q.contactId ? await holdRefs(tx, { contactId: { table: 'contact', id: q.contactId } }).then(() => q.contactId, () => null) : null;
    await tx.insert(quotations).values({
      id: newId, familyId: q.familyId, revision: (last ?? q.revision) + 1, number: q.number, orgId: actor.orgId,
      customerId: q.customerId, contactId, opportunityId: q.opportunityId, ownerId: q.ownerId,
      language: q.language, currency: q.currency, pricesIncludeTax: q.pricesIncludeTax, validUntil: input.validUntil,
      discountKind: q.discountKind, discountValue: q.discountValue, terms: q.terms, notes: q.notes,
      // The lines are priced again at today's rates, so the header takes the totals computed with them.
      ...totalsColumns(totals, q.currency),
      createdById: actor.id,
    });
    await insertLines(tx, newId, lines, totals);
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, 'revise', { newVersion: newId });
  });
  return newId;
}

/**
 * Prices stored lines again on a date. A rate retired since is still allowed (the document keeps
 * what it had), but a rate with no period in force on that date stops the send or revision with
 * one message about the lines, since there is no line editor on that page to mark.
 */
async function priceOn(db: Db, actor: Actor, input: Awaited<ReturnType<typeof inputFrom>>, on: string) {
  try {
    return await prepareLines(db, actor, input, { allowInactiveRates: true, on });
  } catch (e) {
    if (e instanceof DomainError && Object.values(e.fields).includes('noRateOnDate')) throw invalid({ lines: 'noRateOnDate' });
    throw e;
  }
}

/**
 * Stops the customer's link from working; the quotation itself stays as it is. The row is locked
 * and checked again inside the transaction: a customer accepting or declining at the same moment
 * (public.ts locks the same row) either comes first, and then there is nothing left to revoke, or
 * finds the link withdrawn.
 */
export async function revokeLink(db: Db, actor: Actor, id: string): Promise<void> {
  const q = await getQuotation(db, actor, id);
  assertCan(actor, 'quotation.send');
  if (q.status !== 'sent' || q.tokenRevokedAt) throw conflict('nothingToRevoke');
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: quotations.status, tokenRevokedAt: quotations.tokenRevokedAt, version: quotations.version })
      .from(quotations)
      .where(eq(quotations.id, id))
      .for('update');
    if (!locked || locked.status !== 'sent' || locked.tokenRevokedAt) throw conflict('nothingToRevoke');
    if (locked.version !== q.version) throw stale();
    await tx.update(quotations).set({ tokenRevokedAt: new Date(), tokenSealed: null, version: locked.version + 1, updatedAt: new Date() }).where(eq(quotations.id, id));
    await writeAudit(tx, actor, actor.orgId, 'quotation', id, 'revokeLink');
  });
}
