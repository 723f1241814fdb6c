import { z } from "zod";
import { effectiveRole, meetsRole, type TEffectiveRole } from "@/server/auth/roles";
import type { TStaffViewer } from "@/server/auth/types";
import { staffNamesOf } from "@/server/backoffice/staff-names";
import { db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/client";
import { isUniqueViolation } from "@/server/db/errors";
import { AppError, isAppError } from "@/server/errors";
import { checkFormJson, parseJsonText, sameForm, type TBuilderProblem } from "@/server/forms/builder/problems";
import { ZFormSchema, type TFormSchema } from "@/server/forms/schema";
import { contentDisposition } from "@/server/http/file-response";
import { tenantWhere } from "@/server/tenant";
import { recordServiceChange } from "./history";

// A service's form versions as the form builder (issue 5) edits them. A service has published
// versions (immutable: a database trigger refuses changes, applications keep the version they
// were filled with) and at most one draft (publishedAt null; a unique partial index). The
// builder saves the draft as often as it likes; publishing turns the draft into version max+1,
// makes it the service's current form and bumps Service.version, with a history line.
//
// Two administrators: every write to the draft names the draft's updatedAt the editor loaded
// (null: "there was no draft"); anything else is CONFLICT, so nobody overwrites another's work.
// Semantic problems never stop a save (work is never lost) but stop a publication; a JSON that
// hasn't the shape of a form is never stored.

export type TFormActor = { id: string; role: TEffectiveRole };
type TTarget = { tenantId: string; serviceId: string };
type TDraftWrite = TTarget & { actor: TFormActor; expectedUpdatedAt: Date | null; now?: Date };

const errorKey = (key: string) => `formBuilder.errors.${key}`;
const notFound = () => new AppError("NOT_FOUND", errorKey("serviceNotFound"));
const stale = () => new AppError("CONFLICT", errorKey("draftChanged"));

/** Imported text: a form is a few tens of kB; this leaves room and stops abuse. */
export const MAX_IMPORT_CHARS = 1_000_000;

export const ZFormTarget = z.object({ tenantSlug: z.string(), serviceId: z.string().min(1).max(100) });
const ZExpected = z.date().nullable();
export const ZSaveDraftInput = ZFormTarget.extend({ schema: z.unknown(), expectedUpdatedAt: ZExpected });
export const ZPublishInput = ZFormTarget.extend({ schema: z.unknown(), expectedUpdatedAt: ZExpected });
export const ZDiscardInput = ZFormTarget.extend({ expectedUpdatedAt: z.date() });
export const ZImportInput = ZFormTarget.extend({ json: z.string().max(MAX_IMPORT_CHARS), expectedUpdatedAt: ZExpected });

/** The form a service without any version starts from. */
export const STARTER_FORM: TFormSchema = {
  version: 1,
  pages: [{ key: "richiedente", title: "Dati del richiedente", fields: [{ key: "nome", type: "text", label: "Nome", required: true }] }],
};

async function inTransaction<T>(run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const prisma = await db();
  try {
    return await prisma.$transaction(run, { maxWait: 10_000, timeout: 20_000 });
  } catch (e) {
    // Two first saves at once: the one-draft-per-service index lets one through.
    if (isUniqueViolation(e)) throw stale();
    throw e;
  }
}

async function serviceOf(tx: Prisma.TransactionClient, { tenantId, serviceId }: TTarget) {
  const service = await tx.service.findFirst({
    where: tenantWhere(tenantId, { id: serviceId }),
    select: { id: true, slug: true, name: true, version: true, currentFormVersion: { select: { id: true, version: true, schema: true } } },
  });
  if (!service) throw notFound();
  return service;
}

function draftOf(tx: Prisma.TransactionClient, { tenantId, serviceId }: TTarget) {
  return tx.formVersion.findFirst({ where: tenantWhere(tenantId, { serviceId, publishedAt: null }), select: { id: true, version: true, schema: true, updatedAt: true } });
}

/** The editor's token must name the draft as it is (or "no draft" when there is none). */
function assertExpected(draft: { updatedAt: Date } | null, expected: Date | null) {
  if ((draft?.updatedAt.getTime() ?? null) !== (expected?.getTime() ?? null)) throw stale();
}

async function nextVersion(tx: Prisma.TransactionClient, { tenantId, serviceId }: TTarget, published: boolean): Promise<number> {
  const max = await tx.formVersion.aggregate({ where: tenantWhere(tenantId, { serviceId, ...(published ? { publishedAt: { not: null } } : {}) }), _max: { version: true } });
  return (max._max.version ?? 0) + 1;
}

/**
 * Writes the draft (creating it when there is none) after the concurrency check. The row's
 * version number is provisional (max+1 now); publishing fixes it.
 */
async function writeDraft(tx: Prisma.TransactionClient, input: TDraftWrite, schema: TFormSchema, draft: { id: string; updatedAt: Date } | null) {
  assertExpected(draft, input.expectedUpdatedAt);
  const now = input.now ?? new Date();
  const data = { schema: schema as Prisma.InputJsonObject, updatedById: input.actor.id, updatedAt: now };
  if (draft) {
    const { count } = await tx.formVersion.updateMany({ where: { id: draft.id, publishedAt: null, updatedAt: draft.updatedAt }, data });
    if (count === 0) throw stale();
    return { id: draft.id, updatedAt: now };
  }
  const created = await tx.formVersion.create({
    data: { ...data, tenantId: input.tenantId, serviceId: input.serviceId, version: await nextVersion(tx, input, false) },
    select: { id: true, updatedAt: true },
  });
  return created;
}

// ---------------------------------------------------------------------------------------------
// Reading

export type TFormVersionRow = {
  id: string;
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  /** Applications (drafts included) filled with this version. */
  applications: number;
  current: boolean;
};

export type TFormEditorState = {
  service: { id: string; slug: string; name: string; version: number };
  /** The version citizens fill now. */
  current: { version: number; schema: TFormSchema } | null;
  draft: { schema: TFormSchema; updatedAt: Date; updatedBy: string | null; version: number } | null;
  /** What the builder opens: the draft, else the current form, else a one-field starter. */
  start: TFormSchema;
  /** Published versions, newest first. */
  versions: TFormVersionRow[];
};

export async function getFormEditor(target: TTarget): Promise<TFormEditorState> {
  const prisma = await db();
  const service = await serviceOf(prisma, target);
  const rows = await prisma.formVersion.findMany({
    where: tenantWhere(target.tenantId, { serviceId: service.id }),
    orderBy: { version: "desc" },
    select: { id: true, version: true, schema: true, publishedAt: true, updatedAt: true, updatedById: true, _count: { select: { applications: true } } },
  });
  const nameOf = await staffNamesOf(rows.map((r) => ({ kind: "STAFF" as const, id: r.updatedById })));
  const draftRow = rows.find((r) => !r.publishedAt);
  const draft = draftRow ? { schema: draftRow.schema as TFormSchema, updatedAt: draftRow.updatedAt, updatedBy: nameOf("STAFF", draftRow.updatedById), version: draftRow.version } : null;
  const current = service.currentFormVersion ? { version: service.currentFormVersion.version, schema: service.currentFormVersion.schema as TFormSchema } : null;
  return {
    service: { id: service.id, slug: service.slug, name: service.name, version: service.version },
    current,
    draft,
    start: draft?.schema ?? current?.schema ?? STARTER_FORM,
    versions: rows
      .filter((r) => r.publishedAt)
      .map((r) => ({
        id: r.id,
        version: r.version,
        publishedAt: r.publishedAt!,
        publishedBy: nameOf("STAFF", r.updatedById),
        applications: r._count.applications,
        current: r.id === service.currentFormVersion?.id,
      })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

export type TSaveDraftResult = { ok: true; updatedAt: Date; problems: TBuilderProblem[] } | { ok: false; problems: TBuilderProblem[] };

/** Saves the draft: refused (nothing written) only when the JSON hasn't the shape of a form. */
export async function saveFormDraft(input: TDraftWrite & { schema: unknown }): Promise<TSaveDraftResult> {
  const checked = checkFormJson(input.schema);
  if (!checked.schema) return { ok: false, problems: checked.problems };
  const schema = checked.schema;
  return inTransaction(async (tx) => {
    await serviceOf(tx, input);
    const saved = await writeDraft(tx, input, schema, await draftOf(tx, input));
    return { ok: true, updatedAt: saved.updatedAt, problems: checked.problems };
  });
}

export type TPublishResult =
  | { status: "published"; version: number; publishedAt: Date; serviceVersion: number }
  /** The form is the one citizens already fill: no new version. */
  | { status: "unchanged"; version: number }
  | { status: "problems"; problems: TBuilderProblem[] };

/**
 * Publishes `schema` (what the editor shows, saved as the draft in the same transaction) as a
 * new version: refused with the list when it has any problem; "unchanged" when it is the
 * current form. Versions already published, and the applications that use them, stay as they are.
 */
export async function publishFormDraft(input: TDraftWrite & { schema: unknown }): Promise<TPublishResult> {
  const checked = checkFormJson(input.schema);
  if (!checked.schema || checked.problems.length) return { status: "problems", problems: checked.problems };
  const schema = checked.schema;
  const now = input.now ?? new Date();
  return inTransaction(async (tx) => {
    const service = await serviceOf(tx, input);
    const draft = await draftOf(tx, input);
    assertExpected(draft, input.expectedUpdatedAt);
    const before = service.currentFormVersion;
    if (before && sameForm(before.schema, schema)) return { status: "unchanged" as const, version: before.version };

    const version = await nextVersion(tx, input, true);
    const saved = await writeDraft(tx, { ...input, now }, schema, draft);
    // Still a draft here (the trigger allows it): its final number, then published.
    const { count } = await tx.formVersion.updateMany({ where: { id: saved.id, publishedAt: null }, data: { version, publishedAt: now, updatedById: input.actor.id } });
    if (count === 0) throw stale();
    const updated = await tx.service.update({
      where: { id: service.id },
      data: { currentFormVersionId: saved.id, version: { increment: 1 } },
      select: { version: true },
    });
    await recordServiceChange(tx, {
      tenantId: input.tenantId,
      serviceId: service.id,
      actor: { kind: "STAFF", id: input.actor.id, role: input.actor.role },
      action: "form.publish",
      changes: [{ field: "formVersion", before: before?.version ?? null, after: version }],
      now,
    });
    return { status: "published" as const, version, publishedAt: now, serviceVersion: updated.version };
  });
}

/** Throws the draft away (the builder goes back to the current form). */
export async function discardFormDraft(input: TTarget & { expectedUpdatedAt: Date }): Promise<void> {
  await inTransaction(async (tx) => {
    await serviceOf(tx, input);
    const draft = await draftOf(tx, input);
    if (!draft) return; // already gone: what was asked is done
    assertExpected(draft, input.expectedUpdatedAt);
    const { count } = await tx.formVersion.deleteMany({ where: { id: draft.id, publishedAt: null, updatedAt: draft.updatedAt } });
    if (count === 0) throw stale();
  });
}

export type TImportResult = { ok: true; updatedAt: Date; schema: TFormSchema } | { ok: false; problems: TBuilderProblem[] };

/**
 * A form from a JSON text (an export of this or another service, another installation) becomes
 * the draft, replacing the draft there was (kept in the history line). Refused with every
 * problem, nothing changed, when the text is not JSON, not a form, or a form with problems.
 */
export async function importFormDraft(input: TDraftWrite & { json: string }): Promise<TImportResult> {
  const parsed = parseJsonText(input.json);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const checked = checkFormJson(parsed.value);
  if (!checked.schema || checked.problems.length) return { ok: false, problems: checked.problems };
  const schema = checked.schema;
  return inTransaction(async (tx) => {
    const service = await serviceOf(tx, input);
    const draft = await draftOf(tx, input);
    const saved = await writeDraft(tx, input, schema, draft);
    await recordServiceChange(tx, {
      tenantId: input.tenantId,
      serviceId: service.id,
      actor: { kind: "STAFF", id: input.actor.id, role: input.actor.role },
      action: "form.import",
      changes: [{ field: "formDraft", before: (draft?.schema ?? null) as Prisma.JsonValue, after: schema as Prisma.JsonValue }],
      now: saved.updatedAt,
    });
    return { ok: true, updatedAt: saved.updatedAt, schema };
  });
}

// ---------------------------------------------------------------------------------------------
// Export

/** "bonus-alimentare-modulo-v3.json", "bonus-alimentare-modulo-bozza.json". */
export function formExportFileName(serviceSlug: string, version: number | "draft"): string {
  return `${serviceSlug}-modulo-${version === "draft" ? "bozza" : `v${version}`}.json`;
}

/** One version's form as the JSON an import takes back; `version` "draft" for the draft. */
export async function exportFormVersion(target: TTarget & { version: number | "draft" }): Promise<{ fileName: string; json: string }> {
  const prisma = await db();
  const service = await serviceOf(prisma, target);
  const row = await prisma.formVersion.findFirst({
    where: tenantWhere(target.tenantId, { serviceId: service.id, ...(target.version === "draft" ? { publishedAt: null } : { version: target.version, publishedAt: { not: null } }) }),
    select: { schema: true },
  });
  if (!row) throw new AppError("NOT_FOUND", errorKey("versionNotFound"));
  // The database keeps JSON keys in its own order; parsing puts them back in the schema's
  // (version, pages; key, label… of each field), which reads better.
  const tidy = ZFormSchema.safeParse(row.schema);
  return { fileName: formExportFileName(service.slug, target.version), json: `${JSON.stringify(tidy.success ? tidy.data : row.schema, null, 2)}\n` };
}

export type TFormExportDeps = {
  resolveTenant(slug: string): Promise<{ id: string; slug: string } | null>;
  getStaff(): Promise<TStaffViewer | null>;
};

/**
 * GET /api/{tenant}/backoffice/servizi/{id}/modulo.json?versione=3|bozza — the download. Like the
 * builder, for the municipality's administrators only: anyone else gets 404, as for a missing
 * service or version.
 */
export async function handleFormExport(request: Request, params: { tenant: string; id: string }, deps: TFormExportDeps): Promise<Response> {
  const missing = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const [tenant, staff] = await Promise.all([deps.resolveTenant(params.tenant), deps.getStaff()]);
  if (!tenant || !staff || !meetsRole(effectiveRole(staff, tenant.id), "TENANT_ADMIN")) return missing();
  const asked = new URL(request.url).searchParams.get("versione") ?? "";
  const version = asked === "bozza" ? "draft" : /^[1-9]\d{0,5}$/.test(asked) ? Number(asked) : null;
  if (version === null) return missing();
  try {
    const file = await exportFormVersion({ tenantId: tenant.id, serviceId: params.id, version });
    return new Response(file.json, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", file.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return missing();
    throw e;
  }
}
