import bcrypt from 'bcryptjs';

const COST = Number(process.env.BCRYPT_COST || 10);

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the email is unknown, so a miss costs the same time as a wrong password.
export const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', COST);

export const MIN_PASSWORD = 8;
