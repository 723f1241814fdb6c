import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateFormSchema } from "@/server/forms/validate-schema";
import { db } from "./client";
import { PLATFORM_TENANT, SUPER_ADMIN_ROLE, seedDemo, type TDemoCredential } from "./seed";
import { verifyPassword } from "../auth/password";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-seed-"));
const credentialsFile = path.join(dir, "demo-credentials.json");
const emails = [
  "admin@esempio.sportello.localhost",
  "operatore@esempio.sportello.localhost",
  "admin@borgoverde.sportello.localhost",
  "superadmin@sportello.localhost",
];

// Opening (and, embedded, migrating) the database is slow: not part of any test's time.
beforeAll(async () => {
  await db();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.SEED_E2E_STAFF_PASSWORD;
});

// Everything the seed owns, as stored (the shared PostgreSQL test database holds other rows too).
async function snapshot() {
  const prisma = await db();
  return {
    tenants: await prisma.tenant.findMany({ where: { slug: { in: ["esempio", "borgoverde"] } }, orderBy: { slug: "asc" } }),
    staff: await prisma.staffUser.findMany({
      where: { email: { in: emails } },
      orderBy: { email: "asc" },
      include: { memberships: { select: { role: true, tenant: { select: { slug: true } } } } },
    }),
    services: await prisma.service.findMany({
      where: { tenant: { slug: "esempio" } },
      orderBy: { slug: "asc" },
      include: { category: { select: { name: true } }, currentFormVersion: { select: { version: true, schema: true } } },
    }),
  };
}

async function expectPasswordsWork(credentials: TDemoCredential[]) {
  const { staff } = await snapshot();
  for (const c of credentials) {
    const user = staff.find((s) => s.email === c.email)!;
    expect(await verifyPassword(c.password, user.passwordHash!), c.email).toBe(true);
  }
}

describe("seedDemo", () => {
  it("creates the demo municipalities and staff; a second run changes nothing", async () => {
    const prisma = await db();
    const first = await seedDemo(prisma, { credentialsFile });
    const before = await snapshot();
    const second = await seedDemo(prisma, { credentialsFile });

    expect(second.credentials).toEqual(first.credentials);
    expect(await snapshot()).toEqual(before);
    // The reference services of issue 3, published, each with a form the checker accepts.
    expect(before.services.map((sv) => [sv.slug, sv.status, sv.accessLevel, sv.category.name, sv.currentFormVersion?.version])).toEqual([
      ["bonus-alimentare", "PUBLISHED", "ANONYMOUS_EMAIL", "Assistenza e sostegno", 1],
      ["contrassegno-disabili", "PUBLISHED", "SPID_L2", "Mobilità e trasporti", 1],
      ["iscrizione-nido", "PUBLISHED", "SPID_L2", "Educazione e formazione", 1],
    ]);
    for (const sv of before.services) expect(validateFormSchema(sv.currentFormVersion!.schema).ok, sv.slug).toBe(true);
    expect(before.tenants.map((t) => [t.slug, t.name, t.protocolPrefix])).toEqual([
      ["borgoverde", "Comune di Borgoverde", "BGV"],
      ["esempio", "Comune di Esempio", "ESE"],
    ]);
    expect(first.credentials.map((c) => [c.tenant, c.role, c.email])).toEqual([
      ["esempio", "TENANT_ADMIN", "admin@esempio.sportello.localhost"],
      ["esempio", "OPERATOR", "operatore@esempio.sportello.localhost"],
      ["borgoverde", "TENANT_ADMIN", "admin@borgoverde.sportello.localhost"],
      [PLATFORM_TENANT, SUPER_ADMIN_ROLE, "superadmin@sportello.localhost"],
    ]);
    await expectPasswordsWork(first.credentials);
  });

  it("groups the nursery's services under \"Asilo nido\" and makes the demo operator the team of every service", async () => {
    const prisma = await db();
    await seedDemo(prisma, { credentialsFile });
    await seedDemo(prisma, { credentialsFile });
    const services = await prisma.service.findMany({
      where: { tenant: { slug: "esempio" } },
      orderBy: { slug: "asc" },
      select: { slug: true, group: { select: { name: true } }, operators: { select: { staffUser: { select: { email: true } } } } },
    });
    expect(services.map((sv) => [sv.slug, sv.group?.name ?? null, sv.operators.map((o) => o.staffUser.email)])).toEqual([
      ["bonus-alimentare", null, ["operatore@esempio.sportello.localhost"]],
      ["contrassegno-disabili", null, ["operatore@esempio.sportello.localhost"]],
      ["iscrizione-nido", "Asilo nido", ["operatore@esempio.sportello.localhost"]],
    ]);
  });

  it("keeps the passwords in a file only its owner can read", async () => {
    const { credentials } = await seedDemo(await db(), { credentialsFile });
    expect(fs.statSync(credentialsFile).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as { accounts: TDemoCredential[] };
    expect(saved.accounts).toEqual(credentials);
  });

  it("gives each account the right municipality and nothing more", async () => {
    await seedDemo(await db(), { credentialsFile });
    const { staff } = await snapshot();
    const access = Object.fromEntries(
      staff.map((s) => [s.email, { superAdmin: s.isSuperAdmin, memberships: s.memberships.map((m) => `${m.tenant.slug}:${m.role}`) }]),
    );
    expect(access).toEqual({
      "admin@esempio.sportello.localhost": { superAdmin: false, memberships: ["esempio:TENANT_ADMIN"] },
      "operatore@esempio.sportello.localhost": { superAdmin: false, memberships: ["esempio:OPERATOR"] },
      "admin@borgoverde.sportello.localhost": { superAdmin: false, memberships: ["borgoverde:TENANT_ADMIN"] },
      "superadmin@sportello.localhost": { superAdmin: true, memberships: [] },
    });
  });

  it("sets new passwords when the credentials file is lost, so they are always known", async () => {
    const prisma = await db();
    const old = await seedDemo(prisma, { credentialsFile });
    fs.rmSync(credentialsFile);
    const renewed = await seedDemo(prisma, { credentialsFile });

    for (const [i, c] of renewed.credentials.entries()) expect(c.password).not.toBe(old.credentials[i]!.password);
    await expectPasswordsWork(renewed.credentials);
    expect(fs.existsSync(credentialsFile)).toBe(true);
  });

  it("gives every demo account SEED_E2E_STAFF_PASSWORD when it is set", async () => {
    const prisma = await db();
    process.env.SEED_E2E_STAFF_PASSWORD = "e2e-Password-123";
    const { credentials } = await seedDemo(prisma, { credentialsFile });
    expect(new Set(credentials.map((c) => c.password))).toEqual(new Set(["e2e-Password-123"]));
    await expectPasswordsWork(credentials);

    const before = await snapshot();
    await seedDemo(prisma, { credentialsFile });
    expect(await snapshot()).toEqual(before);
  });
});
