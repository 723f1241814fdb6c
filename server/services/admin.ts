import { STATUS_CODES_BY_GROUP } from "@/server/applications/status";
import { recordAuditEvent } from "@/server/audit/record";
import { romeOffsetMs } from "@/server/backoffice/inbox-params";
import { db } from "@/server/db/client";
import { Prisma, type Service, type ServiceStatus } from "@/server/db/generated/client";
import { isUniqueViolation } from "@/server/db/errors";
import { AppError } from "@/server/errors";
import { tenantWhere } from "@/server/tenant";
import {
  CARD_TEXT_FIELDS,
  ROME_LOCAL_PATTERN,
  RESERVED_SERVICE_SLUGS,
  SERVICE_STATUS_ACTIONS,
  slugify,
  statusActionsFrom,
  type TCreateServiceInput,
  type TServicePatch,
  type TServiceStatusAction,
} from "./admin-values";
import { diffServiceFields, listServiceHistory, operatorNames, recordServiceChange, type TServiceFieldChange } from "./history";
import {
  assertCanCreateService,
  assertCanViewService,
  assertCanEditFields,
  assertServicePermission,
  loadServicePermissions,
  servicePermissions,
  type TServicePermission,
  type TServicePermissions,
  type TServiceStaff,
} from "./permissions";
import { firstFreeSlug } from "./slug";

// The back office's configuration of services: list, read, create, edit the card and the
// settings, the opening window, the lifecycle, the staff who handle a service, duplicate, delete
// a draft. Who may do what is permissions.ts; the scheduler that opens and closes services at
// their dates is scheduler.ts.
//
// Every change runs in one transaction that (1) reads the service of this municipality (another
// municipality's is NOT_FOUND), (2) checks the permission, (3) checks the Service.version the
// editor's page showed, (4) writes with `updateMany where { id, version }` bumping the version (a
// concurrent writer, the scheduler included, makes it CONFLICT: "changed meanwhile") and (5)
// records the history line with the previous values (history.ts).

export type TServiceActorInput = { tenantId: string; staff: TServiceStaff; now?: Date };
type TTarget = TServiceActorInput & { serviceId: string; expectedVersion: number };

const errors = (key: string) => `serviceAdmin.errors.${key}`;
const notFound = () => new AppError("NOT_FOUND", errors("serviceNotFound"));
const stale = () => new AppError("CONFLICT", errors("stale"));
const fieldError = (code: "BAD_REQUEST" | "CONFLICT", field: string, key: string) =>
  new AppError(code, errors(key), { fields: { [field]: errors(key) } });

/** Statuses in which citizens see the service: its card must be complete. */
const VISIBLE: ReadonlySet<ServiceStatus> = new Set(["SCHEDULED", "PUBLISHED", "SUSPENDED", "CLOSED"]);

async function inTransaction<T>(run: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(run, { maxWait: 10_000, timeout: 20_000 });
}

// ---------------------------------------------------------------------------------------------
// Dates: the back office types them on Rome's wall clock (<input type="datetime-local">).

/** "2027-03-03T09:00" on Rome's clock → the instant; null for "" (no date). */
export function romeLocalToDate(local: string): Date | null {
  if (!local) return null;
  if (!ROME_LOCAL_PATTERN.test(local)) throw new AppError("BAD_REQUEST", errors("dateInvalid"));
  const [date, time] = local.split("T") as [string, string];
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) throw new AppError("BAD_REQUEST", errors("dateInvalid"));
  // The offset at the guessed instant, then again at the result (right across a DST change).
  const first = asUtc - romeOffsetMs(new Date(asUtc));
  return new Date(asUtc - romeOffsetMs(new Date(first)));
}

/** The instant as "2027-03-03T09:00" on Rome's clock ("" for none), for datetime-local inputs. */
export function dateToRomeLocal(at: Date | null): string {
  if (!at) return "";
  return new Date(at.getTime() + romeOffsetMs(at)).toISOString().slice(0, 16);
}

// ---------------------------------------------------------------------------------------------
// Reading

export type TServiceListRow = {
  id: string;
  slug: string;
  name: string;
  status: ServiceStatus;
  category: string;
  group: { id: string; name: string } | null;
  opensAt: Date | null;
  closesAt: Date | null;
  /** Version of the form citizens fill (null: none published yet). */
  formVersion: number | null;
  /** A form version is being prepared (not yet published). */
  formDraft: boolean;
  /** Submitted applications not yet decided. */
  openApplications: number;
  /** The viewer is among the staff who handle it. */
  manages: boolean;
};

/** The municipality's services for the back office, by name; optionally of one status. */
export async function listServicesForStaff(input: TServiceActorInput & { status?: ServiceStatus }): Promise<TServiceListRow[]> {
  const prisma = await db();
  const [services, open, drafts, managed] = await Promise.all([
    prisma.service.findMany({
      where: tenantWhere(input.tenantId, input.status ? { status: input.status } : {}),
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        status: true,
        opensAt: true,
        closesAt: true,
        category: { select: { name: true } },
        group: { select: { id: true, name: true } },
        currentFormVersion: { select: { version: true } },
      },
    }),
    prisma.application.groupBy({
      by: ["serviceId"],
      where: tenantWhere(input.tenantId, { status: { in: STATUS_CODES_BY_GROUP.inProgress } }),
      _count: { _all: true },
    }),
    prisma.formVersion.findMany({ where: tenantWhere(input.tenantId, { publishedAt: null }), select: { serviceId: true } }),
    prisma.serviceOperator.findMany({ where: tenantWhere(input.tenantId, { staffUserId: input.staff.id }), select: { serviceId: true } }),
  ]);
  const openBy = new Map(open.map((g) => [g.serviceId, g._count._all]));
  const draftIds = new Set(drafts.map((d) => d.serviceId));
  const managedIds = new Set(managed.map((m) => m.serviceId));
  return services.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    status: s.status,
    category: s.category.name,
    group: s.group,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    formVersion: s.currentFormVersion?.version ?? null,
    formDraft: draftIds.has(s.id),
    openApplications: openBy.get(s.id) ?? 0,
    manages: managedIds.has(s.id),
  }));
}

export type TServiceDetail = Service & {
  category: { id: string; name: string };
  group: { id: string; name: string } | null;
  currentFormVersion: { version: number; publishedAt: Date | null } | null;
  formDraft: { version: number; updatedAt: Date } | null;
  operators: { id: string; name: string }[];
  applications: { open: number; total: number };
  permissions: TServicePermissions;
  /** Lifecycle actions this viewer may take now. */
  statusActions: TServiceStatusAction[];
  /** Deletable: a draft never published, with no applications (and the viewer an administrator). */
  deletable: boolean;
};

/** Whether the service was ever published (its history says so). */
async function everPublished(client: Prisma.TransactionClient, tenantId: string, serviceId: string): Promise<boolean> {
  const lines = await client.serviceChange.findMany({
    where: tenantWhere(tenantId, { serviceId, action: { in: ["service.status", "schedule.open"] } }),
    select: { changes: true },
  });
  return lines.some((l) => (l.changes as TServiceFieldChange[]).some((c) => c.field === "status" && c.after === "PUBLISHED"));
}

/** One service with what its page needs; another municipality's is NOT_FOUND. */
export async function getServiceForStaff(input: TServiceActorInput & { serviceId: string }): Promise<TServiceDetail> {
  const prisma = await db();
  const service = await prisma.service.findFirst({
    where: tenantWhere(input.tenantId, { id: input.serviceId }),
    include: {
      category: { select: { id: true, name: true } },
      group: { select: { id: true, name: true } },
      currentFormVersion: { select: { version: true, publishedAt: true } },
      operators: { select: { staffUser: { select: { id: true, name: true } } }, orderBy: { staffUser: { name: "asc" } } },
    },
  });
  if (!service) throw notFound();
  const permissions = await loadServicePermissions(prisma, { tenantId: input.tenantId, serviceId: service.id, staff: input.staff });
  assertCanViewService(permissions);
  const [formDraft, open, total, published] = await Promise.all([
    prisma.formVersion.findFirst({ where: tenantWhere(input.tenantId, { serviceId: service.id, publishedAt: null }), select: { version: true, updatedAt: true } }),
    prisma.application.count({ where: tenantWhere(input.tenantId, { serviceId: service.id, status: { in: STATUS_CODES_BY_GROUP.inProgress } }) }),
    prisma.application.count({ where: tenantWhere(input.tenantId, { serviceId: service.id }) }),
    everPublished(prisma, input.tenantId, service.id),
  ]);
  const { operators, ...rest } = service;
  return {
    ...rest,
    operators: operators.map((o) => o.staffUser),
    formDraft,
    applications: { open, total },
    permissions,
    statusActions: permissions.changeStatus ? statusActionsFrom(service.status) : [],
    deletable: permissions.delete && service.status === "DRAFT" && total === 0 && !published,
  };
}

/** The categories a service can be filed under, in catalogue order. */
export async function listServiceCategories({ tenantId }: { tenantId: string }) {
  const prisma = await db();
  return prisma.serviceCategory.findMany({ where: tenantWhere(tenantId), orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } });
}

/** Active staff of the municipality (account and membership enabled), by name. */
export async function listActiveStaff({ tenantId }: { tenantId: string }) {
  const prisma = await db();
  const rows = await prisma.membership.findMany({
    where: tenantWhere(tenantId, { disabledAt: null, staffUser: { disabledAt: null } }),
    select: { role: true, staffUser: { select: { id: true, name: true, email: true } } },
    orderBy: { staffUser: { name: "asc" } },
  });
  return rows.map((r) => ({ ...r.staffUser, role: r.role }));
}

/** A service's history for the back office (anyone who may read the service). */
export async function serviceHistoryForStaff(input: TServiceActorInput & { serviceId: string; before?: string; limit?: number }) {
  const prisma = await db();
  const service = await prisma.service.findFirst({ where: tenantWhere(input.tenantId, { id: input.serviceId }), select: { id: true, name: true } });
  if (!service) throw notFound();
  assertCanViewService(servicePermissions(input.staff, false));
  return { service, ...(await listServiceHistory({ tenantId: input.tenantId, serviceId: service.id, before: input.before, limit: input.limit })) };
}

// ---------------------------------------------------------------------------------------------
// Changing

type TPlan = {
  data: Prisma.ServiceUncheckedUpdateManyInput;
  action: string;
  changes: TServiceFieldChange[];
  /** More writes in the same transaction, after the service row (operators). */
  also?: () => Promise<void>;
};

/**
 * The one way a service's configuration changes: read, check `permission` (or the check
 * function), check the version, let `plan` validate and say what to write, write with the
 * version check, record the history line. A plan with no changes writes nothing.
 */
async function changeService(
  input: TTarget,
  permission: TServicePermission | ((p: TServicePermissions) => void),
  plan: (tx: Prisma.TransactionClient, service: Service, now: Date) => Promise<TPlan>,
): Promise<Service> {
  const now = input.now ?? new Date();
  try {
    return await inTransaction(async (tx) => {
      const service = await tx.service.findFirst({ where: tenantWhere(input.tenantId, { id: input.serviceId }) });
      if (!service) throw notFound();
      const permissions = await loadServicePermissions(tx, { tenantId: input.tenantId, serviceId: service.id, staff: input.staff });
      if (typeof permission === "function") permission(permissions);
      else assertServicePermission(permissions, permission);
      if (service.version !== input.expectedVersion) throw stale();
      const { data, action, changes, also } = await plan(tx, service, now);
      if (changes.length === 0) return service;
      const { count } = await tx.service.updateMany({
        where: tenantWhere(input.tenantId, { id: service.id, version: input.expectedVersion }),
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      await also?.();
      await recordServiceChange(tx, {
        tenantId: input.tenantId,
        serviceId: service.id,
        actor: { kind: "STAFF", id: input.staff.id, role: input.staff.role },
        action,
        changes,
        now,
      });
      return tx.service.findUniqueOrThrow({ where: { id: service.id } });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("CONFLICT", "slug", "slugTaken");
    throw e;
  }
}

/** The first of base, base-2, base-3… no service of the municipality has (base "" → "servizio"). */
async function freeServiceSlug(tx: Prisma.TransactionClient, tenantId: string, base: string): Promise<string> {
  const root = base || "servizio";
  const taken = new Set((await tx.service.findMany({ where: tenantWhere(tenantId, { slug: { startsWith: root } }), select: { slug: true } })).map((s) => s.slug));
  return firstFreeSlug(root, taken, RESERVED_SERVICE_SLUGS);
}

/** The slug asked for (refused when taken), or one derived from the name. */
async function chooseSlug(tx: Prisma.TransactionClient, tenantId: string, asked: string | undefined, name: string, exceptId?: string): Promise<string> {
  if (!asked) return freeServiceSlug(tx, tenantId, slugify(name));
  const other = await tx.service.findFirst({ where: tenantWhere(tenantId, { slug: asked, ...(exceptId ? { id: { not: exceptId } } : {}) }), select: { id: true } });
  if (other) throw fieldError("CONFLICT", "slug", "slugTaken");
  return asked;
}

async function categoryName(tx: Prisma.TransactionClient, tenantId: string, categoryId: string): Promise<string> {
  const category = await tx.serviceCategory.findFirst({ where: tenantWhere(tenantId, { id: categoryId }), select: { name: true } });
  if (!category) throw fieldError("BAD_REQUEST", "categoryId", "categoryInvalid");
  return category.name;
}

/** The history shows the category by name, not by id. */
async function withCategoryNames(tx: Prisma.TransactionClient, tenantId: string, changes: TServiceFieldChange[]): Promise<TServiceFieldChange[]> {
  const out: TServiceFieldChange[] = [];
  for (const c of changes) {
    // One query at a time: a transaction's connection runs them in sequence anyway.
    out.push(c.field === "categoryId" ? { field: "category", before: await categoryName(tx, tenantId, String(c.before)), after: await categoryName(tx, tenantId, String(c.after)) } : c);
  }
  return out;
}

/** The card fields left empty (a visible service needs them all). */
function missingCardFields(service: Pick<Service, (typeof CARD_TEXT_FIELDS)[number]>): string[] {
  return CARD_TEXT_FIELDS.filter((f) => !service[f].trim());
}

/** A new service (administrators): a DRAFT with its card's first fields, the slug derived from
 * the name unless one is given. */
export async function createService(input: TServiceActorInput & { values: TCreateServiceInput }): Promise<Service> {
  assertCanCreateService(input.staff);
  const v = input.values;
  try {
    return await inTransaction(async (tx) => {
      const category = await categoryName(tx, input.tenantId, v.categoryId);
      const slug = await chooseSlug(tx, input.tenantId, v.slug || undefined, v.name);
      const service = await tx.service.create({
        data: {
          tenantId: input.tenantId,
          slug,
          categoryId: v.categoryId,
          name: v.name.trim(),
          status: "DRAFT",
          accessLevel: v.accessLevel,
          maxProcessingDays: v.maxProcessingDays,
          summary: v.summary.trim(),
          audience: "",
          howTo: "",
          cost: "",
          documentsNeeded: "",
          contacts: "",
          privacyNotice: "",
        },
      });
      await recordServiceChange(tx, {
        tenantId: input.tenantId,
        serviceId: service.id,
        actor: { kind: "STAFF", id: input.staff.id, role: input.staff.role },
        action: "service.create",
        changes: diffServiceFields(
          {} as Record<string, unknown>,
          { name: service.name, slug, category, status: "DRAFT", accessLevel: v.accessLevel, maxProcessingDays: v.maxProcessingDays, summary: service.summary },
        ),
        now: input.now,
      });
      return service;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("CONFLICT", "slug", "slugTaken");
    throw e;
  }
}

/** Card and settings: only the fields in `values` change; a manager sending a setting is refused. */
export async function updateService(input: TTarget & { values: TServicePatch }): Promise<Service> {
  const values = Object.fromEntries(Object.entries(input.values).filter(([, v]) => v !== undefined)) as TServicePatch;
  return changeService(
    input,
    (p) => assertCanEditFields(p, Object.keys(values)),
    async (tx, service) => {
      const next: TServicePatch = { ...values };
      for (const f of CARD_TEXT_FIELDS) if (typeof next[f] === "string") next[f] = next[f].trim();
      if (next.name) next.name = next.name.trim();
      if (next.categoryId && next.categoryId !== service.categoryId) await categoryName(tx, input.tenantId, next.categoryId);
      if (next.slug && next.slug !== service.slug) await chooseSlug(tx, input.tenantId, next.slug, service.name, service.id);
      if (VISIBLE.has(service.status)) {
        const missing = missingCardFields({ ...service, ...next });
        if (missing.length > 0) {
          throw new AppError("BAD_REQUEST", errors("cardRequiredWhenVisible"), { fields: Object.fromEntries(missing.map((f) => [f, errors("fieldRequired")])) });
        }
      }
      const changes = await withCategoryNames(tx, input.tenantId, diffServiceFields(service as unknown as Record<string, unknown>, next));
      return { data: next as Prisma.ServiceUncheckedUpdateManyInput, action: "service.update", changes };
    },
  );
}

/** The opening window, typed on Rome's clock ("" clears a date). */
export async function setServiceDates(input: TTarget & { opensAt: string; closesAt: string }): Promise<Service> {
  const opensAt = romeLocalToDate(input.opensAt);
  const closesAt = romeLocalToDate(input.closesAt);
  return changeService(input, "editDates", async (_tx, service, now) => {
    if (opensAt && closesAt && closesAt <= opensAt) throw fieldError("BAD_REQUEST", "closesAt", "closesBeforeOpens");
    const closesChanged = (closesAt?.getTime() ?? null) !== (service.closesAt?.getTime() ?? null);
    const opensChanged = (opensAt?.getTime() ?? null) !== (service.opensAt?.getTime() ?? null);
    if (closesChanged && closesAt && closesAt <= now) throw fieldError("BAD_REQUEST", "closesAt", "closesInPast");
    if (service.status === "SCHEDULED" && !opensAt) throw fieldError("BAD_REQUEST", "opensAt", "scheduledNeedsOpensAt");
    if (service.status === "SCHEDULED" && opensChanged && opensAt && opensAt <= now) throw fieldError("BAD_REQUEST", "opensAt", "scheduledOpensInPast");
    const changes = diffServiceFields({ opensAt: service.opensAt, closesAt: service.closesAt }, { opensAt, closesAt });
    return { data: { opensAt, closesAt }, action: "service.update", changes };
  });
}

export type TStatusActionProblem = { key: string; fields?: Record<string, string> };

/**
 * Why `action` can't be taken on the service now (null: it can): not from this status, or, to
 * become visible and open (publish, schedule, resume, reopen), no published form, an incomplete
 * card, a closing date already passed, an opening date that doesn't fit (in the future for
 * "publish now", missing or past for "schedule"). The page shows it next to the action.
 */
export function statusActionProblem(
  service: Pick<Service, "status" | "currentFormVersionId" | "opensAt" | "closesAt" | (typeof CARD_TEXT_FIELDS)[number]>,
  action: TServiceStatusAction,
  now: Date,
): TStatusActionProblem | null {
  const def = SERVICE_STATUS_ACTIONS[action];
  if (!(def.from as readonly ServiceStatus[]).includes(service.status)) return { key: errors("statusActionNotAllowed") };
  if (def.to !== "PUBLISHED" && def.to !== "SCHEDULED") return null;
  if (!service.currentFormVersionId) return { key: errors("formNotPublished") };
  const missing = missingCardFields(service);
  if (missing.length > 0) return { key: errors("cardIncomplete"), fields: Object.fromEntries(missing.map((f) => [f, errors("fieldRequired")])) };
  if (service.closesAt && service.closesAt <= now) return { key: errors(action === "reopen" ? "reopenClosesInPast" : "closesInPastLive") };
  if (action === "schedule") return !service.opensAt || service.opensAt <= now ? { key: errors("scheduleNeedsFutureOpensAt") } : null;
  return service.opensAt && service.opensAt > now ? { key: errors("opensInFuture") } : null;
}

/** A lifecycle action (publish, schedule, suspend, resume, close, reopen, unschedule). */
export async function changeServiceStatus(input: TTarget & { action: TServiceStatusAction }): Promise<Service> {
  return changeService(input, "changeStatus", async (_tx, service, now) => {
    const problem = statusActionProblem(service, input.action, now);
    if (problem) throw new AppError("CONFLICT", problem.key, problem.fields ? { fields: problem.fields } : {});
    const to = SERVICE_STATUS_ACTIONS[input.action].to;
    return { data: { status: to }, action: "service.status", changes: [{ field: "status", before: service.status, after: to }] };
  });
}

/** The staff who handle the service (administrators): active staff of this municipality; those
 * already on it stay allowed even if since disabled elsewhere. */
export async function setServiceOperators(input: TTarget & { staffIds: string[] }): Promise<Service> {
  const wanted = [...new Set(input.staffIds)];
  return changeService(input, "editOperators", async (tx, service) => {
    const current = await tx.serviceOperator.findMany({
      where: tenantWhere(input.tenantId, { serviceId: service.id }),
      select: { staffUser: { select: { id: true, name: true } } },
    });
    const currentIds = new Set(current.map((c) => c.staffUser.id));
    const active = await tx.membership.findMany({
      where: tenantWhere(input.tenantId, { staffUserId: { in: wanted }, disabledAt: null, staffUser: { disabledAt: null } }),
      select: { staffUser: { select: { id: true, name: true } } },
    });
    const names = new Map([...current, ...active].map((r) => [r.staffUser.id, r.staffUser.name]));
    if (wanted.some((id) => !names.has(id))) throw fieldError("BAD_REQUEST", "staffIds", "staffInvalid");
    const sortedNames = (ids: Iterable<string>) => operatorNames([...ids].map((id) => names.get(id)!));
    const changes = diffServiceFields({ operators: sortedNames(currentIds) }, { operators: sortedNames(wanted) });
    return {
      data: {},
      action: "service.operators",
      changes,
      also: async () => {
        await tx.serviceOperator.deleteMany({ where: tenantWhere(input.tenantId, { serviceId: service.id, staffUserId: { notIn: wanted } }) });
        await tx.serviceOperator.createMany({
          data: wanted.filter((id) => !currentIds.has(id)).map((staffUserId) => ({ tenantId: input.tenantId, serviceId: service.id, staffUserId })),
          skipDuplicates: true,
        });
      },
    };
  });
}

/** Deletes a draft that was never published and has no applications (administrators). Its history
 * goes with it; the deletion itself stays in the audit trail. */
export async function deleteDraftService(input: TTarget & { ip?: string | null }): Promise<void> {
  await inTransaction(async (tx) => {
    const service = await tx.service.findFirst({ where: tenantWhere(input.tenantId, { id: input.serviceId }) });
    if (!service) throw notFound();
    assertServicePermission(await loadServicePermissions(tx, { tenantId: input.tenantId, serviceId: service.id, staff: input.staff }), "delete");
    if (service.version !== input.expectedVersion) throw stale();
    if (service.status !== "DRAFT" || (await everPublished(tx, input.tenantId, service.id))) throw new AppError("CONFLICT", errors("deleteOnlyDrafts"));
    if ((await tx.application.count({ where: tenantWhere(input.tenantId, { serviceId: service.id }) })) > 0) throw new AppError("CONFLICT", errors("deleteHasApplications"));
    const { count } = await tx.service.deleteMany({ where: tenantWhere(input.tenantId, { id: service.id, version: input.expectedVersion }) });
    if (count === 0) throw stale();
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: input.staff.id,
      actorRole: input.staff.role,
      action: "service.delete",
      ip: input.ip ?? null,
      details: { serviceId: service.id, name: service.name, slug: service.slug },
      tx,
    });
  });
}

/**
 * A new DRAFT copied from a service (administrators): card, settings, category, staff, group
 * (placed last) and the form — the draft being prepared if any, else the published one — as the
 * new service's unpublished version 1. Not copied: dates, applications, history.
 */
export async function duplicateService(input: TServiceActorInput & { serviceId: string; name: string; slug?: string }): Promise<Service> {
  try {
    return await inTransaction(async (tx) => {
      // Relations read one by one: Prisma would send an include's queries at once on the transaction's connection.
      const source = await tx.service.findFirst({ where: tenantWhere(input.tenantId, { id: input.serviceId }) });
      if (!source) throw notFound();
      assertServicePermission(await loadServicePermissions(tx, { tenantId: input.tenantId, serviceId: source.id, staff: input.staff }), "duplicate");
      const operators = await tx.serviceOperator.findMany({ where: tenantWhere(input.tenantId, { serviceId: source.id }), select: { staffUserId: true } });
      const group = source.groupId ? await tx.serviceGroup.findFirst({ where: tenantWhere(input.tenantId, { id: source.groupId }), select: { name: true } }) : null;
      const name = input.name.trim();
      const slug = await chooseSlug(tx, input.tenantId, input.slug || undefined, name);
      let groupPosition = 0;
      if (source.groupId) {
        // Same lock as the groups' membership changes: positions stay distinct.
        await tx.$queryRaw`SELECT "id" FROM "ServiceGroup" WHERE "id" = ${source.groupId} AND "tenantId" = ${input.tenantId} FOR UPDATE`;
        const last = await tx.service.aggregate({ where: tenantWhere(input.tenantId, { groupId: source.groupId }), _max: { groupPosition: true } });
        groupPosition = (last._max.groupPosition ?? 0) + 1;
      }
      const copy = await tx.service.create({
        data: {
          tenantId: input.tenantId,
          slug,
          name,
          status: "DRAFT",
          categoryId: source.categoryId,
          accessLevel: source.accessLevel,
          summary: source.summary,
          audience: source.audience,
          howTo: source.howTo,
          cost: source.cost,
          maxProcessingDays: source.maxProcessingDays,
          documentsNeeded: source.documentsNeeded,
          contacts: source.contacts,
          privacyNotice: source.privacyNotice,
          allowWithdrawal: source.allowWithdrawal,
          allowIntegration: source.allowIntegration,
          groupId: source.groupId,
          groupPosition,
        },
      });
      await tx.serviceOperator.createMany({ data: operators.map((o) => ({ tenantId: input.tenantId, serviceId: copy.id, staffUserId: o.staffUserId })) });
      const draft = await tx.formVersion.findFirst({ where: tenantWhere(input.tenantId, { serviceId: source.id, publishedAt: null }), select: { schema: true } });
      const published = source.currentFormVersionId
        ? await tx.formVersion.findFirst({ where: tenantWhere(input.tenantId, { id: source.currentFormVersionId }), select: { schema: true } })
        : null;
      const schema = draft?.schema ?? published?.schema;
      if (schema) {
        await tx.formVersion.create({
          data: { tenantId: input.tenantId, serviceId: copy.id, version: 1, schema: schema as Prisma.InputJsonValue, publishedAt: null, updatedById: input.staff.id },
        });
      }
      await recordServiceChange(tx, {
        tenantId: input.tenantId,
        serviceId: copy.id,
        actor: { kind: "STAFF", id: input.staff.id, role: input.staff.role },
        action: "service.duplicate",
        changes: [
          { field: "duplicatedFrom", before: null, after: source.name },
          { field: "name", before: null, after: name },
          { field: "slug", before: null, after: slug },
          { field: "status", before: null, after: "DRAFT" },
          ...(group ? [{ field: "group", before: null, after: group.name }] : []),
        ],
        now: input.now,
      });
      return copy;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("CONFLICT", "slug", "slugTaken");
    throw e;
  }
}
