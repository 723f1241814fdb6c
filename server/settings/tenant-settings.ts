import type { TEffectiveRole } from "@/server/auth/roles";
import { encryptAppIoApiKey } from "@/server/appio/send";
import { recordAuditEvent } from "@/server/audit/record";
import { staffNamesOf } from "@/server/backoffice/staff-names";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import { protocolYear } from "@/server/applications/protocol";
import { AppError } from "@/server/errors";
import { diffServiceFields } from "@/server/services/history";
import { tenantWhere } from "@/server/tenant";
import { composeEmailFrom, splitEmailFrom, type TTenantBaseValues, type TTenantSettingsForm, type TTenantSettingsValues } from "./settings-values";

// A municipality's settings: what its administrators (and the platform's super-admins) change
// about it. Every change is one audit line "tenant.settings" in the same transaction, naming the
// changed fields with their previous values; the App IO key is written encrypted and never
// read back, and its audit line says only that it was set, replaced or removed.
// Concurrency: the page sends the Tenant.updatedAt it was loaded with; a change made meanwhile
// by someone else is a CONFLICT, not a silent overwrite.

export const SETTINGS_AUDIT_ACTION = "tenant.settings";
export const CREATE_AUDIT_ACTION = "tenant.create";

export type TSettingsActor = { id: string; role: TEffectiveRole };
export type TSettingsRef = { tenantId: string; actor: TSettingsActor; ip?: string | null };

/** The columns the settings change, with what the audit trail keeps of them. */
const TRACKED = ["name", "area", "contactEmail", "contactPhone", "website", "address", "emailFrom", "protocolPrefix", "brandColor"] as const;
type TTrackedField = (typeof TRACKED)[number];
type TTrackedData = Partial<Record<TTrackedField, string | null>>;

const TRACKED_SELECT = Object.fromEntries(TRACKED.map((f) => [f, true])) as Record<TTrackedField, true>;

const conflict = () => new AppError("CONFLICT", "tenantSettings.errors.conflict");

async function audit(tx: Prisma.TransactionClient, ref: TSettingsRef, details: Prisma.InputJsonObject, action = SETTINGS_AUDIT_ACTION) {
  await recordAuditEvent({
    tx,
    tenantId: ref.tenantId,
    actorKind: "STAFF",
    actorId: ref.actor.id,
    actorRole: ref.actor.role,
    action,
    ip: ref.ip ?? null,
    details,
  });
}

/**
 * Writes `data` to the tenant when it still has `expectedUpdatedAt`, with its audit line; nothing
 * (no write, no line) when no field changes. The changed field names are returned.
 */
export async function changeTenant(ref: TSettingsRef & { data: TTrackedData; expectedUpdatedAt?: Date }): Promise<{ changed: string[]; updatedAt: Date }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: ref.tenantId }, select: { ...TRACKED_SELECT, updatedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "errors.tenantNotFound");
    if (ref.expectedUpdatedAt && before.updatedAt.getTime() !== ref.expectedUpdatedAt.getTime()) throw conflict();
    const changes = diffServiceFields(before, ref.data, TRACKED);
    if (changes.length === 0) return { changed: [], updatedAt: before.updatedAt };
    const data = Object.fromEntries(changes.map((c) => [c.field, ref.data[c.field as TTrackedField]]));
    const { count } = await tx.tenant.updateMany({ where: { id: ref.tenantId, updatedAt: before.updatedAt }, data });
    if (count === 0) throw conflict();
    await audit(tx, ref, { changed: changes.map((c) => c.field), previous: Object.fromEntries(changes.map((c) => [c.field, c.before])) });
    const { updatedAt } = await tx.tenant.findUniqueOrThrow({ where: { id: ref.tenantId }, select: { updatedAt: true } });
    return { changed: changes.map((c) => c.field), updatedAt };
  });
}

type TBaseData = { name: string; area: string | null; protocolPrefix: string; contactEmail: string | null };
type TSettingsData = TBaseData & { contactPhone: string | null; website: string | null; address: string | null; emailFrom: string | null; brandColor: string };

/** The tenant's columns for the base fields (platform) or all the settings (administrators). */
export function tenantData(values: TTenantSettingsValues): TSettingsData;
export function tenantData(values: TTenantBaseValues): TBaseData;
export function tenantData(values: TTenantBaseValues | TTenantSettingsValues): TBaseData | TSettingsData {
  const base = { name: values.name, area: values.area, protocolPrefix: values.protocolPrefix, contactEmail: values.contactEmail };
  if (!("brandColor" in values)) return base;
  return {
    ...base,
    contactPhone: values.contactPhone,
    website: values.website,
    address: values.address,
    emailFrom: composeEmailFrom(values.emailFromName, values.emailFromAddress),
    brandColor: values.brandColor,
  };
}

export function updateTenantSettings(ref: TSettingsRef & { values: TTenantSettingsValues; expectedUpdatedAt: Date }) {
  return changeTenant({ ...ref, data: tenantData(ref.values) });
}

// ---- What the settings page shows.

/** The latest audit line that changed the App IO key: when it was set (shown as "configurata il …"). */
async function appIoKeyChangedAt(tenantId: string): Promise<Date | null> {
  const prisma = await db();
  const event = await prisma.auditEvent.findFirst({
    where: tenantWhere(tenantId, { action: SETTINGS_AUDIT_ACTION, details: { path: ["changed"], array_contains: ["appIoApiKey"] } }),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  return event?.createdAt ?? null;
}

export type TTenantSettingsView = {
  values: TTenantSettingsForm;
  updatedAt: Date;
  hasLogo: boolean;
  appIo: { configured: boolean; changedAt: Date | null };
  /** The latest protocol number given and the next one's year and sequence, to show what a
   * prefix change does (and does not) change. */
  protocol: { lastNumber: string | null; year: number; nextSeq: number };
};

export async function getTenantSettings({ tenantId }: { tenantId: string }): Promise<TTenantSettingsView> {
  const prisma = await db();
  const tenant = await prisma.tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) throw new AppError("NOT_FOUND", "errors.tenantNotFound");
  const year = protocolYear(new Date());
  const [changedAt, last, counter] = await Promise.all([
    tenant.appIoApiKey ? appIoKeyChangedAt(tenantId) : null,
    prisma.application.findFirst({
      where: tenantWhere(tenantId, { protocolNumber: { not: null } }),
      orderBy: [{ registeredAt: "desc" }, { id: "desc" }],
      select: { protocolNumber: true },
    }),
    prisma.protocolCounter.findUnique({ where: { tenantId_year: { tenantId, year } }, select: { lastSeq: true } }),
  ]);
  const sender = splitEmailFrom(tenant.emailFrom);
  return {
    values: {
      name: tenant.name,
      area: tenant.area ?? "",
      protocolPrefix: tenant.protocolPrefix,
      contactEmail: tenant.contactEmail ?? "",
      contactPhone: tenant.contactPhone ?? "",
      website: tenant.website ?? "",
      address: tenant.address ?? "",
      emailFromName: sender.name,
      emailFromAddress: sender.address,
      brandColor: tenant.brandColor,
    },
    updatedAt: tenant.updatedAt,
    hasLogo: tenant.logoStorageKey !== null,
    appIo: { configured: tenant.appIoApiKey !== null, changedAt },
    protocol: { lastNumber: last?.protocolNumber ?? null, year, nextSeq: (counter?.lastSeq ?? 0) + 1 },
  };
}

export type TSettingsChange = { id: string; at: Date; action: string; actorName: string | null; actorRole: string | null; changed: string[] };

/** The latest changes of the settings ("Ultime modifiche"): who, when, which fields. */
export async function listSettingsChanges({ tenantId, limit = 10 }: { tenantId: string; limit?: number }): Promise<TSettingsChange[]> {
  const prisma = await db();
  const events = await prisma.auditEvent.findMany({
    where: tenantWhere(tenantId, { action: { in: [SETTINGS_AUDIT_ACTION, CREATE_AUDIT_ACTION] } }),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, action: true, actorKind: true, actorId: true, actorRole: true, details: true },
  });
  const nameOf = await staffNamesOf(events.map((e) => ({ kind: e.actorKind, id: e.actorId })));
  return events.map((e) => {
    const details = (e.details ?? {}) as { changed?: unknown };
    return {
      id: e.id,
      at: e.createdAt,
      action: e.action,
      actorName: nameOf(e.actorKind, e.actorId),
      actorRole: e.actorRole,
      changed: Array.isArray(details.changed) ? details.changed.filter((f): f is string => typeof f === "string") : [],
    };
  });
}

// ---- The App IO key: write-only.

async function changeAppIoKey(ref: TSettingsRef, next: (current: string | null) => string | null, what: (current: string | null) => string | null) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: ref.tenantId }, select: { appIoApiKey: true } });
    if (!tenant) throw new AppError("NOT_FOUND", "errors.tenantNotFound");
    const outcome = what(tenant.appIoApiKey);
    if (!outcome) return;
    await tx.tenant.update({ where: { id: ref.tenantId }, data: { appIoApiKey: next(tenant.appIoApiKey) } });
    await audit(tx, ref, { changed: ["appIoApiKey"], appIoApiKey: outcome });
  });
}

/** Stores the municipality's App IO service key (encrypted); the audit line says "set" or "replaced". */
export function setAppIoApiKey(ref: TSettingsRef & { apiKey: string }) {
  const stored = encryptAppIoApiKey(ref.tenantId, ref.apiKey);
  return changeAppIoKey(
    ref,
    () => stored,
    (current) => (current ? "replaced" : "set"),
  );
}

/** Forgets the key: IO messages stop (they go to the local sink, or are skipped in production). */
export function removeAppIoApiKey(ref: TSettingsRef) {
  return changeAppIoKey(
    ref,
    () => null,
    (current) => (current ? "removed" : null),
  );
}

/** For the logo service: the logo columns changed with their audit line, in one transaction. */
export async function changeTenantLogo(
  ref: TSettingsRef & { logo: { storageKey: string; contentType: string } | null },
): Promise<{ previousKey: string | null }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.tenant.findUnique({ where: { id: ref.tenantId }, select: { logoStorageKey: true, logoContentType: true } });
    if (!before) throw new AppError("NOT_FOUND", "errors.tenantNotFound");
    if (!ref.logo && !before.logoStorageKey) return { previousKey: null };
    await tx.tenant.update({
      where: { id: ref.tenantId },
      data: { logoStorageKey: ref.logo?.storageKey ?? null, logoContentType: ref.logo?.contentType ?? null },
    });
    await audit(tx, ref, {
      changed: ["logo"],
      logo: ref.logo ? (before.logoStorageKey ? "replaced" : "set") : "removed",
      previous: { logo: before.logoContentType },
    });
    return { previousKey: before.logoStorageKey };
  });
}

/** The audit line of a municipality's creation (in the new municipality's trail). */
export function recordTenantCreated(tx: Prisma.TransactionClient, ref: TSettingsRef, details: Prisma.InputJsonObject) {
  return audit(tx, ref, details, CREATE_AUDIT_ACTION);
}
