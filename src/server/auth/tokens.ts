import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { organizations, users, userTokens } from '../db/schema';

/**
 * Single-use links to set a password: 32 random bytes (base64url) in the link, only their SHA-256
 * stored, so a copy of the database opens nothing. A reset link lives 30 minutes; an invitation
 * (or an admin's reset) 72 hours. Using one marks it used in the same UPDATE that finds it, so two
 * clicks at once cannot both succeed.
 */
export const LIFETIME_MS = { reset: 30 * 60_000, invite: 72 * 3_600_000 } as const;
export type TokenPurpose = keyof typeof LIFETIME_MS;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Makes a link token for a user, in the caller's transaction; returns the token (never stored). */
export async function issueToken(tx: Db, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(userTokens).values({ userId, purpose, tokenHash: hashOf(token), expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]), createdAt: now });
  return token;
}

/** Whom a still-valid token is for (to greet them on the page), without using it up. */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()) {
  if (!SHAPE.test(token)) return null;
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name, org: organizations.legalName })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(userTokens.tokenHash, hashOf(token)), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), eq(users.active, true)));
  return row ?? null;
}

/** Uses a token up and returns its user's id, or null when it is unknown, used, expired or for another purpose. */
export async function consumeToken(tx: Db, token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  if (!SHAPE.test(token)) return null;
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.tokenHash, hashOf(token)), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
    .returning({ userId: userTokens.userId });
  return row?.userId ?? null;
}

/** Makes every outstanding link of a user unusable (a password was set, or a new link replaces them). */
export async function revokeTokens(tx: Db, userId: string, now = new Date()): Promise<void> {
  await tx.update(userTokens).set({ usedAt: now }).where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
}

/** Forgets links that expired a day ago or more. */
export async function pruneTokens(db: Db, now = new Date()): Promise<void> {
  await db.delete(userTokens).where(sql`${userTokens.expiresAt} < ${new Date(now.getTime() - 86_400_000).toISOString()}::timestamptz`);
}
