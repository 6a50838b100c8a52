import type { DuplicateReport } from '@/lib/duplicates';

/** Domain errors carry a code that the action layer turns into a translated message. */
export type ErrorCode = 'notFound' | 'forbidden' | 'conflict' | 'invalid' | 'staleVersion' | 'inUse';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Field name -> message key, for form errors. */
    readonly fields: Record<string, string> = {},
    /** Look-alike customers to show in the form (names only of those the actor may see). */
    readonly duplicates?: DuplicateReport,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const notFound = () => new DomainError('notFound');
export const forbidden = () => new DomainError('forbidden');
export const conflict = (msg?: string) => new DomainError('conflict', msg);
export const stale = () => new DomainError('staleVersion');
export const invalid = (fields: Record<string, string>) => new DomainError('invalid', 'invalid', fields);
/** Field errors plus the look-alike customers behind them. */
export const duplicatesFound = (fields: Record<string, string>, duplicates: DuplicateReport) => new DomainError('invalid', 'invalid', fields, duplicates);
export const inUse = () => new DomainError('inUse');
