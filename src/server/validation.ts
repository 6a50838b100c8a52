import { z } from 'zod';

/** Zod pieces whose messages are translation keys under `errors.` */
export const text = (max = 200) => z.string().trim().max(max, 'tooLong');
export const requiredText = (max = 200) => z.string().trim().min(1, 'required').max(max, 'tooLong');
export const optionalEmail = z
  .string()
  .trim()
  .max(320, 'tooLong')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'invalidEmail');
export const email = z
  .string()
  .trim()
  .min(1, 'required')
  .max(320, 'tooLong')
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'invalidEmail');
export const phone = z
  .string()
  .trim()
  .max(40, 'tooLong')
  .refine((v) => v === '' || /^[+0-9][0-9 ()\-./]*$/.test(v), 'invalidPhone');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuid = z.string().trim().regex(UUID, 'invalidChoice');
/** An optional id from a <select>: '' means none. */
export const optionalUuid = z
  .string()
  .trim()
  .refine((v) => v === '' || UUID.test(v), 'invalidChoice')
  .transform((v) => (v === '' ? null : v));
export const version = z.coerce.number({ message: 'invalid' }).int('invalid').min(1, 'invalid');
export const isUuid = (v: string) => UUID.test(v);
