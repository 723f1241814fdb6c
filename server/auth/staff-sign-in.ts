import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { unsafeFindTenantBySlug, type TTenant } from "@/server/tenant";
import { dummyPasswordHash, verifyPassword } from "./password";
import { assertLoginAllowed, loginEmailHash, recordLoginAttempt } from "./login-rate-limit";
import { logAuthEvent } from "./log";
import { effectiveRole, type TEffectiveRole } from "./roles";
import type { TStaffViewer } from "./types";

// Staff sign-in at a municipality's back office. Every refusal is the same error whatever the
// reason (unknown email, wrong password, disabled account, no role in this tenant, unknown
// tenant) and costs the same scrypt work, so neither message nor timing tells accounts apart.

export const INVALID_STAFF_CREDENTIALS = "auth.staff.errors.invalidCredentials";

export type TStaffSignInInput = { email: string; password: string; tenantSlug: string; ip?: string | null };
export type TStaffSignInResult = { staff: TStaffViewer; tenant: TTenant; role: TEffectiveRole };

function log(outcome: "success" | "refused" | "throttled", data: Record<string, unknown>) {
  logAuthEvent(outcome === "success" ? "info" : "warn", `staff sign-in ${outcome}`, data);
}

export async function authenticateStaff(input: TStaffSignInInput): Promise<TStaffSignInResult> {
  const email = input.email.trim().toLowerCase();
  const emailHash = loginEmailHash(email);
  const ip = input.ip ?? null;
  const logData = { emailHash: emailHash.slice(0, 12), ip, tenant: input.tenantSlug };

  try {
    await assertLoginAllowed({ emailHash, ip });
  } catch (e) {
    log("throttled", logData);
    throw e;
  }

  const prisma = await db();
  const [user, tenant] = await Promise.all([
    // Case-insensitive: addresses may have been stored as typed.
    prisma.staffUser.findFirst({ where: { email: { equals: email, mode: "insensitive" } }, include: { memberships: { where: { disabledAt: null } } } }),
    unsafeFindTenantBySlug(input.tenantSlug),
  ]);
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  const role = user && tenant ? effectiveRole(user, tenant.id) : null;
  const success = Boolean(passwordOk && user?.passwordHash && !user.disabledAt && tenant && role);

  await recordLoginAttempt({ emailHash, ip, success });
  if (!success || !user || !tenant || !role) {
    log("refused", logData);
    throw new AppError("UNAUTHORIZED", INVALID_STAFF_CREDENTIALS);
  }

  const { passwordHash: _omitted, ...staff } = await prisma.staffUser.update({
    where: { id: user.id },
    data: { lastLoginAt: new Date() },
    include: { memberships: { where: { disabledAt: null } } },
  });
  log("success", { ...logData, staffUserId: staff.id, role });
  return { staff, tenant, role };
}
