import type { Application, Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { buildValidator, validateAnswers, type TAnswersIssue } from "@/server/forms/build-validator";
import { encodeFieldError } from "@/server/forms/field-error";
import { enforceIdentityValues, prefillAnswers, readOnlyFieldKeys, type TIdentityData, type TProfileData } from "@/server/forms/prefill";
import { ZFormSchema, type TFormSchema, type TRawAnswers } from "@/server/forms/schema";
import { assertAttachmentsBelongTo } from "@/server/uploads/attachments";
import type { TApplicant } from "./applicant";
import { createDraft, getApplicationForApplicant, saveDraft } from "./drafts";
import { APPLICATION_STATUS } from "./status";
import { submitApplication, type TSubmitApplicationResult } from "./submit";
import type { TFormValidatorFactory } from "./validation";

// The form-filling flow a citizen goes through, on top of drafts.ts and submit.ts: what the
// browser loads (schema, answers, which fields are locked to the identity), what it saves (only
// keys the form knows, identity values enforced, nothing typed is refused by a draft save) and the
// real validator wired into submission. Used by the `application` tRPC router and by pages.

/** A saved draft is at most this big (JSON characters): far above any real form's answers. */
export const MAX_DRAFT_JSON_CHARS = 512 * 1024;

export function parseFormSchema(json: Prisma.JsonValue): TFormSchema {
  const parsed = ZFormSchema.safeParse(json);
  // A published form was validated when it was saved; a broken one is a server error, not the citizen's.
  if (!parsed.success) throw new Error(`Stored form schema is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** The identity and profile of a citizen applicant, for prefill and read-only fields. */
async function applicantIdentity(applicant: TApplicant): Promise<{ identity: TIdentityData | null; profile: TProfileData | null }> {
  if (applicant.kind !== "citizen") return { identity: null, profile: { email: applicant.email } };
  const prisma = await db();
  const c = await prisma.citizen.findUnique({ where: { id: applicant.citizenId } });
  if (!c) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
  const domicile = (c.domicile ?? null) as TIdentityData["domicile"];
  return {
    identity: { fiscalCode: c.fiscalCode, givenName: c.givenName, familyName: c.familyName, birthDate: c.birthDate, email: c.email, domicile },
    profile: { email: c.email, phone: c.phone, domicile },
  };
}

/** The validator factory submission uses: identity values enforced, then the form's own rules. */
export function formValidatorFor(identity: TIdentityData | null): TFormValidatorFactory {
  return (json, mode) => {
    const schema = parseFormSchema(json);
    return buildValidator(schema, { mode }).transform((answers) => enforceIdentityValues(schema, answers, identity));
  };
}

/** Keeps only the form's own keys (what a stale or hostile client adds is dropped). */
export function pickFormKeys(schema: TFormSchema, raw: unknown): TRawAnswers {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const keys = new Set(schema.pages.flatMap((p) => p.fields.filter((f) => f.type !== "static").map((f) => f.key)));
  const out: TRawAnswers = {};
  for (const [k, v] of Object.entries(raw as TRawAnswers)) if (keys.has(k) && v !== undefined) out[k] = v;
  return out;
}

export async function startApplication(input: { tenantId: string; serviceSlug: string; applicant: TApplicant; now?: Date }) {
  const prisma = await db();
  const service = await prisma.service.findFirst({
    where: { tenantId: input.tenantId, slug: input.serviceSlug },
    select: { id: true, currentFormVersion: { select: { schema: true } } },
  });
  if (!service) throw new AppError("NOT_FOUND", "applications.errors.serviceNotFound");
  const { identity, profile } = await applicantIdentity(input.applicant);
  const initialData = service.currentFormVersion ? prefillAnswers(parseFormSchema(service.currentFormVersion.schema), identity, profile).answers : {};
  return createDraft({ tenantId: input.tenantId, serviceId: service.id, applicant: input.applicant, now: input.now, initialData: initialData as Prisma.InputJsonObject });
}

/**
 * A draft started on a form version the municipality has since replaced moves to the current one:
 * answers are keyed by field, so what still fits is kept and the summary checks it again.
 * Returns true when it moved. Submitted applications keep the version they were filled with.
 */
export async function moveDraftToCurrentForm(input: { tenantId: string; applicationId: string; applicant: TApplicant }): Promise<boolean> {
  const prisma = await db();
  const app = await getApplicationForApplicant(input);
  const current = app.service.currentFormVersionId;
  if (app.status !== APPLICATION_STATUS.DRAFT || !current || current === app.formVersionId) return false;
  const { count } = await prisma.application.updateMany({
    where: { id: app.id, tenantId: input.tenantId, status: APPLICATION_STATUS.DRAFT, version: app.version },
    data: { formVersionId: current, version: { increment: 1 } },
  });
  return count === 1;
}

export type TFillState = Awaited<ReturnType<typeof loadFillState>>;

/** Everything the form pages need about one of the applicant's applications. */
export async function loadFillState(input: { tenantId: string; applicationId: string; applicant: TApplicant }) {
  const app = await getApplicationForApplicant(input);
  const schema = parseFormSchema(app.formVersion.schema);
  const { identity } = await applicantIdentity(input.applicant);
  return {
    id: app.id,
    status: app.status,
    version: app.version,
    data: (app.data ?? {}) as TRawAnswers,
    currentPageKey: app.currentPageKey,
    lastSavedAt: app.lastSavedAt,
    protocolNumber: app.protocolNumber,
    submittedAt: app.submittedAt,
    formVersion: app.formVersion.version,
    formOutdated: app.service.currentFormVersionId !== app.formVersionId,
    schema,
    readOnlyKeys: [...readOnlyFieldKeys(schema, identity)],
    service: { slug: app.service.slug, name: app.service.name, status: app.service.status, opensAt: app.service.opensAt, closesAt: app.service.closesAt },
  };
}

export type TSaveAnswersResult = {
  version: number;
  lastSavedAt: Date;
  /** Problems of the page asked to check (checkPageKey), as "path" → encoded message key. */
  fields: Record<string, string>;
};

export function issuesToFields(issues: TAnswersIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.path.map(String).join(".")] ??= encodeFieldError(i.error, i.values);
  return fields;
}

/**
 * Saves what the citizen typed so far (autosave and "next step"). A draft save never refuses
 * answers for being wrong or incomplete — nothing typed is lost — but with `checkPageKey` it also
 * returns the problems of that page, which the client shows next to the fields.
 */
export async function saveAnswers(input: {
  tenantId: string;
  applicationId: string;
  applicant: TApplicant;
  data: unknown;
  currentPageKey?: string | null;
  expectedVersion?: number;
  checkPageKey?: string;
  now?: Date;
}): Promise<TSaveAnswersResult> {
  const app = await getApplicationForApplicant(input);
  const schema = parseFormSchema(app.formVersion.schema);
  if (input.currentPageKey && !schema.pages.some((p) => p.key === input.currentPageKey)) throw new AppError("BAD_REQUEST", "errors.badRequest");
  if (input.checkPageKey && !schema.pages.some((p) => p.key === input.checkPageKey)) throw new AppError("BAD_REQUEST", "errors.badRequest");
  const { identity } = await applicantIdentity(input.applicant);
  const data = enforceIdentityValues(schema, pickFormKeys(schema, input.data), identity);
  if (JSON.stringify(data).length > MAX_DRAFT_JSON_CHARS) throw new AppError("PAYLOAD_TOO_LARGE", "applications.errors.draftTooLarge");

  const saved: Application = await saveDraft({
    tenantId: input.tenantId,
    applicationId: input.applicationId,
    applicant: input.applicant,
    data,
    currentPageKey: input.currentPageKey,
    expectedVersion: input.expectedVersion,
    now: input.now,
  });
  const fields = input.checkPageKey ? issuesToFields(validateAnswers(schema, data, { mode: "submit", pageKey: input.checkPageKey }).issues) : {};
  return { version: saved.version, lastSavedAt: saved.lastSavedAt, fields };
}

export async function submitAnswers(input: {
  tenantId: string;
  applicationId: string;
  applicant: TApplicant;
  submissionKey: string;
  now?: Date;
}): Promise<TSubmitApplicationResult> {
  const { identity } = await applicantIdentity(input.applicant);
  return submitApplication({
    ...input,
    validate: formValidatorFor(identity),
    checkData: (data, schema) => assertAttachmentsBelongTo({ tenantId: input.tenantId, applicationId: input.applicationId, schema: parseFormSchema(schema), data }),
  });
}
