import { createHash, randomBytes } from "node:crypto";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { isApiScope, type TApiScope } from "./scopes";

// API keys (model ApiKey). A key is "spk_" + 32 random bytes in base64url: 256 bits, so storing
// its SHA-256 is enough (no slow hash needed, and lookup is one indexed equality). The first 12
// characters are kept in clear as the visible prefix. The key itself is returned once, by
// createApiKey, and never again.
//
// Every authenticated request is one UPDATE … RETURNING on the key's row: it finds the key by
// hash (only if not revoked and not expired), stamps lastUsedAt and counts the request in the
// key's fixed one-minute window. Concurrent requests serialise on the row lock, so the count is
// exact across processes with no extra table.

export const API_KEY_PREFIX = "spk_";
export const API_KEY_VISIBLE_CHARS = 12;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
const WINDOW_MS = 60_000;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = API_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, API_KEY_VISIBLE_CHARS), keyHash: hashApiKey(key) };
}

export type TApiKeyPrincipal = {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: TApiScope[];
  rateLimitPerMinute: number;
  /** Requests left in the current window, and when it resets. */
  remaining: number;
  resetAt: Date;
};

type TAuthRow = {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimitPerMinute: number;
  windowStartedAt: Date;
  windowCount: number;
};

/**
 * The key's principal, or AppError UNAUTHORIZED (unknown, revoked or expired: one answer for all,
 * so a caller learns nothing about other keys) or TOO_MANY_REQUESTS (with retryAfterSeconds).
 */
export async function authenticateApiKey(rawKey: string, now: Date = new Date()): Promise<TApiKeyPrincipal> {
  if (!rawKey.startsWith(API_KEY_PREFIX) || rawKey.length > 200) throw new AppError("UNAUTHORIZED", "api.problems.invalidKey");
  const prisma = await db();
  const windowFloor = new Date(now.getTime() - WINDOW_MS);
  const rows = await prisma.$queryRaw<TAuthRow[]>`
    UPDATE "ApiKey" SET
      "lastUsedAt" = ${now},
      "windowCount" = CASE WHEN "windowStartedAt" IS NULL OR "windowStartedAt" <= ${windowFloor} THEN 1 ELSE "windowCount" + 1 END,
      "windowStartedAt" = CASE WHEN "windowStartedAt" IS NULL OR "windowStartedAt" <= ${windowFloor} THEN ${now} ELSE "windowStartedAt" END
    WHERE "keyHash" = ${hashApiKey(rawKey)} AND "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
    RETURNING "id", "tenantId", "name", "prefix", "scopes", "rateLimitPerMinute", "windowStartedAt", "windowCount"`;
  const row = rows[0];
  if (!row) throw new AppError("UNAUTHORIZED", "api.problems.invalidKey");
  const resetAt = new Date(row.windowStartedAt.getTime() + WINDOW_MS);
  if (row.windowCount > row.rateLimitPerMinute) {
    const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    throw new AppError("TOO_MANY_REQUESTS", "api.problems.rateLimited", { retryAfterSeconds });
  }
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isApiScope),
    rateLimitPerMinute: row.rateLimitPerMinute,
    remaining: Math.max(0, row.rateLimitPerMinute - row.windowCount),
    resetAt,
  };
}

export type TCreateApiKeyInput = {
  tenantId: string;
  name: string;
  scopes: readonly TApiScope[];
  expiresAt?: Date | null;
  rateLimitPerMinute?: number;
  createdById?: string | null;
};

/** Creates a key and returns it in clear: the only time anyone sees it. */
export async function insertApiKey(input: TCreateApiKeyInput) {
  const prisma = await db();
  const { key, prefix, keyHash } = generateApiKey();
  const row = await prisma.apiKey.create({
    data: {
      tenantId: input.tenantId,
      name: input.name,
      prefix,
      keyHash,
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresAt ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
      createdById: input.createdById ?? null,
    },
    select: { id: true, prefix: true, name: true, scopes: true, expiresAt: true },
  });
  return { ...row, key };
}
