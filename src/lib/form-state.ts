export type FormState = {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};
export const idle: FormState = { status: 'idle' };
