import type { DuplicateReport } from './duplicates';

export type FormState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  /** Existing customers that look like the one being saved (a customer or a deal with a new customer). */
  duplicates?: DuplicateReport;
};
export const idle: FormState = { status: 'idle' };
