import { recordAuditEvent } from "@/server/audit/record";
import type { TEffectiveRole } from "@/server/auth/roles";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { romeLocalToDate } from "@/server/services/admin";
import { tenantWhere } from "@/server/tenant";
import { generateApiKey } from "./keys";
import { API_KEYS_LIST_MAX, isRealDate, romeToday, type TApiKeyStatus, type TCreateApiKeyValues } from "./keys-admin-values";
import { isApiScope, type TApiScope } from "./scopes";

// The municipality's API keys as its administrators manage them in the back office ("API e
// webhook" → "Chiavi API"): list, create (the key is returned once, here, and only its SHA-256
// is stored), revoke. Every change is one audit line naming the key by its visible prefix, never
// the key itself. Access (TENANT_ADMIN or super-admin) is the tRPC router's job.

export type TKeysActor = { id: string; role: TEffectiveRole };
export type TKeysAdminInput = { tenantId: string; actor: TKeysActor; ip?: string | null; now?: Date };

export type TApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: TApiScope[];
  rateLimitPerMinute: number;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: { id: string; name: string } | null;
  status: TApiKeyStatus;
};

export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): TApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}

/** The instant a key whose last day is `day` (Rome's calendar) stops working: that day's end. */
export function expiryInstant(day: string): Date {
  return new Date(romeLocalToDate(`${day}T23:59`)!.getTime() + 59_999);
}

/** The municipality's keys, newest first: active, expired and revoked alike. */
export async function listApiKeys({ tenantId, now = new Date() }: { tenantId: string; now?: Date }): Promise<TApiKeyRow[]> {
  const prisma = await db();
  const rows = await prisma.apiKey.findMany({
    where: tenantWhere(tenantId),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: API_KEYS_LIST_MAX,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      rateLimitPerMinute: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedById: true,
      createdBy: { select: { id: true, name: true } },
    },
  });
  const revokerIds = [...new Set(rows.map((r) => r.revokedById).filter((id): id is string => id !== null))];
  const revokers = revokerIds.length
    ? new Map((await prisma.staffUser.findMany({ where: { id: { in: revokerIds } }, select: { id: true, name: true } })).map((s) => [s.id, s]))
    : new Map<string, { id: string; name: string }>();
  return rows.map(({ revokedById, ...r }) => ({
    ...r,
    scopes: r.scopes.filter(isApiScope),
    revokedBy: revokedById ? (revokers.get(revokedById) ?? null) : null,
    status: apiKeyStatus(r, now),
  }));
}

export type TCreatedApiKey = { id: string; name: string; prefix: string; scopes: TApiScope[]; expiresAt: Date | null; rateLimitPerMinute: number; key: string };

/** Creates a key and returns it in clear: the only time anyone sees it. */
export async function createApiKeyForTenant(input: TKeysAdminInput & { values: Omit<TCreateApiKeyValues, "tenantSlug"> }): Promise<TCreatedApiKey> {
  const { values } = input;
  const now = input.now ?? new Date();
  const { expiresOn } = values;
  if (expiresOn !== null && (!isRealDate(expiresOn) || expiresOn <= romeToday(now))) {
    throw new AppError("BAD_REQUEST", "apiKeys.errors.expiryPast", { fields: { expiresOn: "apiKeys.errors.expiryPast" } });
  }
  const expiresAt = expiresOn === null ? null : expiryInstant(expiresOn);
  const scopes = [...new Set(values.scopes)];
  const { key, prefix, keyHash } = generateApiKey();
  const prisma = await db();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        tenantId: input.tenantId,
        name: values.name,
        prefix,
        keyHash,
        scopes,
        expiresAt,
        rateLimitPerMinute: values.rateLimitPerMinute,
        createdById: input.actor.id,
      },
      select: { id: true, name: true, prefix: true, expiresAt: true, rateLimitPerMinute: true },
    });
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: "apiKey.create",
      ip: input.ip ?? null,
      details: { keyId: created.id, name: created.name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null, rateLimitPerMinute: created.rateLimitPerMinute },
      tx,
    });
    return created;
  });
  return { ...row, scopes, key };
}

/** Revokes a key from its next request on. Idempotent: an already revoked key stays as it was
 * (who revoked it and when) and no new audit line is written. */
export async function revokeApiKey(input: TKeysAdminInput & { keyId: string }): Promise<{ changed: boolean; revokedAt: Date }> {
  const now = input.now ?? new Date();
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: tenantWhere(input.tenantId, { id: input.keyId }), select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!key) throw new AppError("NOT_FOUND", "apiKeys.errors.notFound");
    if (key.revokedAt) return { changed: false, revokedAt: key.revokedAt };
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now, revokedById: input.actor.id } });
    if (count === 0) {
      const again = await tx.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { revokedAt: true } });
      return { changed: false, revokedAt: again.revokedAt ?? now };
    }
    await recordAuditEvent({
      tenantId: input.tenantId,
      actorKind: "STAFF",
      actorId: input.actor.id,
      actorRole: input.actor.role,
      action: "apiKey.revoke",
      ip: input.ip ?? null,
      details: { keyId: key.id, name: key.name, prefix: key.prefix },
      tx,
    });
    return { changed: true, revokedAt: now };
  });
}
