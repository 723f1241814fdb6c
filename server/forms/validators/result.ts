import type { TFieldErrorValues } from "../field-error";

/** Outcome of checking one value: its normalised form, or the name of the error (forms.errors.<name>). */
export type TCheck<T> = { ok: true; value: T } | { ok: false; error: string; values?: TFieldErrorValues };

export const ok = <T>(value: T): TCheck<T> => ({ ok: true, value });
export const fail = (error: string, values?: TFieldErrorValues): { ok: false; error: string; values?: TFieldErrorValues } =>
  values ? { ok: false, error, values } : { ok: false, error };
