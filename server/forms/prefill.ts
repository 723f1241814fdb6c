import type { TAddress, TAnswers, TAnswerValue, TField, TFormSchema, TPrefillSource } from "./schema";
import { isEmptyValue } from "./visibility";

// "Once only": a new draft starts with what the municipality already knows — the identity from
// SPID/CIE (fiscal code, names, birth date, domicile, email) and the citizen's profile (contact
// email and phone). Identity data can't be changed by the citizen: the server overwrites any value
// the client sends for a read-only field (enforceIdentityValues) before validating.

type TDomicile = { street?: string | null; postalCode?: string | null; city?: string | null; province?: string | null } | null;

/** What SPID/CIE said about the citizen (the Citizen row). */
export type TIdentityData = {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  /** A Date (Prisma @db.Date, midnight UTC) or "yyyy-mm-dd". */
  birthDate?: Date | string | null;
  email?: string | null;
  phone?: string | null;
  domicile?: TDomicile | undefined;
};

/** What the citizen keeps in their profile (editable contacts). */
export type TProfileData = { email?: string | null; phone?: string | null; domicile?: TDomicile | undefined };

function toIsoDate(d: Date | string | null | undefined): string | undefined {
  if (!d) return undefined;
  if (typeof d === "string") return d.slice(0, 10);
  return d.toISOString().slice(0, 10);
}

function toAddress(d: TDomicile | undefined): TAddress | undefined {
  if (!d) return undefined;
  const a: TAddress = { street: d.street ?? "", postalCode: d.postalCode ?? "", city: d.city ?? "", province: (d.province ?? "").toUpperCase() };
  return isEmptyValue(a) ? undefined : a;
}

/** The value an identity gives for a source; undefined when it has none. */
export function identityValue(identity: TIdentityData, source: TPrefillSource): TAnswerValue | undefined {
  const v: TAnswerValue | undefined = {
    fiscalCode: identity.fiscalCode,
    givenName: identity.givenName,
    familyName: identity.familyName,
    birthDate: toIsoDate(identity.birthDate),
    email: identity.email ?? undefined,
    phone: identity.phone ?? undefined,
    domicile: toAddress(identity.domicile),
  }[source];
  return isEmptyValue(v) ? undefined : v;
}

function profileValue(profile: TProfileData | null | undefined, source: TPrefillSource): TAnswerValue | undefined {
  if (!profile) return undefined;
  const v = source === "email" ? profile.email : source === "phone" ? profile.phone : source === "domicile" ? toAddress(profile.domicile) : undefined;
  return isEmptyValue(v) ? undefined : (v ?? undefined);
}

function topLevelFields(schema: TFormSchema): TField[] {
  return schema.pages.flatMap((p) => p.fields);
}

/** True when this field is locked to the identity's value for this citizen. */
function isLocked(field: TField, identity: TIdentityData | null | undefined): boolean {
  return field.type !== "static" && !!field.readOnlyFromIdentity && !!field.prefill && !!identity && identityValue(identity, field.prefill) !== undefined;
}

/**
 * Answers for a new draft and the keys the citizen can't edit. Without an identity (services open
 * to applicants without SPID) only the profile prefills and nothing is read-only. For contacts the
 * profile (kept up to date by the citizen) wins over the identity provider's, unless the field is
 * read-only from identity.
 */
export function prefillAnswers(
  schema: TFormSchema,
  identity: TIdentityData | null | undefined,
  profile?: TProfileData | null,
): { answers: TAnswers; readOnlyKeys: Set<string> } {
  const answers: TAnswers = {};
  const readOnlyKeys = new Set<string>();
  for (const field of topLevelFields(schema)) {
    if (field.type === "static" || !field.prefill) continue;
    const fromIdentity = identity ? identityValue(identity, field.prefill) : undefined;
    if (isLocked(field, identity)) {
      answers[field.key] = fromIdentity;
      readOnlyKeys.add(field.key);
      continue;
    }
    const value = profileValue(profile, field.prefill) ?? fromIdentity;
    if (value !== undefined) answers[field.key] = value;
  }
  return { answers, readOnlyKeys };
}

/** The keys of fields locked to the identity, for this citizen (none without an identity). */
export function readOnlyFieldKeys(schema: TFormSchema, identity: TIdentityData | null | undefined): Set<string> {
  return new Set(topLevelFields(schema).filter((f) => isLocked(f, identity)).map((f) => f.key));
}

/** A copy of the answers where every read-only identity field holds the identity's value. */
export function enforceIdentityValues<T extends Record<string, unknown>>(schema: TFormSchema, answers: T, identity: TIdentityData | null | undefined): T {
  if (!identity) return answers;
  const out: Record<string, unknown> = { ...answers };
  for (const field of topLevelFields(schema)) {
    if (isLocked(field, identity) && field.type !== "static" && field.prefill) out[field.key] = identityValue(identity, field.prefill);
  }
  return out as T;
}

/**
 * Who the answers say the applicant is: the values of the fields prefilled from given name,
 * family name and fiscal code (for applicants without SPID, what they typed there).
 */
export function applicantFromAnswers(schema: TFormSchema, answers: Record<string, unknown>): { name: string | null; fiscalCode: string | null } {
  const bySource = (source: TPrefillSource) => {
    const field = topLevelFields(schema).find((f) => f.type !== "static" && f.prefill === source);
    const v = field ? answers[field.key] : undefined;
    return typeof v === "string" && v.trim() ? v.trim() : null;
  };
  const name = [bySource("familyName"), bySource("givenName")].filter(Boolean).join(" ");
  return { name: name || null, fiscalCode: bySource("fiscalCode")?.toUpperCase() ?? null };
}
