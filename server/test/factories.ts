import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { StaffRole } from "../db/generated/client";
import { hashPassword } from "../auth/password";

// Test data factories: every call makes unique rows, so tests never depend on a global reset.
const unique = () => randomUUID().slice(0, 8);

export async function createTenant(overrides: { slug?: string; name?: string } = {}) {
  const prisma = await db();
  const id = unique();
  return prisma.tenant.create({
    data: {
      slug: overrides.slug ?? `comune-${id}`,
      name: overrides.name ?? `Comune di Prova ${id}`,
      protocolPrefix: `T${id.slice(0, 4).toUpperCase()}`,
      contactEmail: `urp-${id}@example.test`,
    },
  });
}

export async function createStaff(opts: {
  tenantId?: string;
  role?: StaffRole;
  password?: string;
  isSuperAdmin?: boolean;
  email?: string;
}) {
  const prisma = await db();
  const password = opts.password ?? `pw-${unique()}-${unique()}`;
  const user = await prisma.staffUser.create({
    data: {
      email: opts.email ?? `staff-${unique()}@example.test`,
      name: `Operatore ${unique()}`,
      passwordHash: await hashPassword(password),
      isSuperAdmin: opts.isSuperAdmin ?? false,
      memberships: opts.tenantId ? { create: { tenantId: opts.tenantId, role: opts.role ?? "OPERATOR" } } : undefined,
    },
  });
  return { user, password };
}

export async function createCitizen(overrides: { fiscalCode?: string; email?: string } = {}) {
  const prisma = await db();
  const id = unique();
  return prisma.citizen.create({
    data: {
      fiscalCode: overrides.fiscalCode ?? `TSTCTZ${id.toUpperCase().replace(/[^A-Z0-9]/g, "0")}XX`.slice(0, 16),
      givenName: "Maria",
      familyName: `Rossi ${id}`,
      email: overrides.email ?? `citizen-${id}@example.test`,
    },
  });
}
