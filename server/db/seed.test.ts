import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { quietJobLogger } from "@/server/applications/testing";
import { DEV_IDENTITIES } from "@/server/auth/oidc-dev/identities";
import { countsByStatus, listInbox } from "@/server/backoffice/inbox";
import { validateFormSchema } from "@/server/forms/validate-schema";
import { applicationOutcomeJob } from "@/server/jobs/definitions/application-outcome";
import { applicationSubmittedJob } from "@/server/jobs/definitions/application-submitted";
import { runJobNow } from "@/server/jobs/providers/local/run-due-jobs";
import { db } from "./client";
import { authenticateApiKey } from "../api/keys";
import { API_SCOPES } from "../api/scopes";
import { DEMO_API_KEY_NAME, E2E_API_KEY_NAME, PLATFORM_TENANT, SUPER_ADMIN_ROLE, seedDemo, type TDemoApiKey, type TDemoCredential } from "./seed";
import { DEMO_CITIZEN_FISCAL_CODES } from "./seed-applications";
import { verifyPassword } from "../auth/password";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-seed-"));
const credentialsFile = path.join(dir, "demo-credentials.json");
// The demo applications' files, receipts and outcome documents (env() reads this on first use).
process.env.FILES_DIR = path.join(dir, "files");
const emails = [
  "admin@esempio.sportello.localhost",
  "operatore@esempio.sportello.localhost",
  "funzionario@esempio.sportello.localhost",
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
      ["esempio", "SERVICE_MANAGER", "funzionario@esempio.sportello.localhost"],
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
      select: { slug: true, group: { select: { name: true } }, operators: { orderBy: { staffUser: { email: "asc" } }, select: { staffUser: { select: { email: true } } } } },
    });
    expect(services.map((sv) => [sv.slug, sv.group?.name ?? null, sv.operators.map((o) => o.staffUser.email)])).toEqual([
      ["bonus-alimentare", null, ["funzionario@esempio.sportello.localhost", "operatore@esempio.sportello.localhost"]],
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
      "funzionario@esempio.sportello.localhost": { superAdmin: false, memberships: ["esempio:SERVICE_MANAGER"] },
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

// ---- API keys ----------------------------------------------------------------------------------

describe("seedDemo's API keys", () => {
  it("makes one demo key of Comune di Esempio with every scope, kept in the credentials file and the same at every run", async () => {
    const prisma = await db();
    const first = await seedDemo(prisma, { credentialsFile });
    const second = await seedDemo(prisma, { credentialsFile });
    expect(first.apiKeys).toEqual([{ name: DEMO_API_KEY_NAME, key: expect.stringMatching(/^spk_/), tenant: "esempio", scopes: [...API_SCOPES] }]);
    expect(second.apiKeys).toEqual(first.apiKeys);
    const saved = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as { apiKeys: TDemoApiKey[] };
    expect(saved.apiKeys).toEqual(first.apiKeys);

    const principal = await authenticateApiKey(first.apiKeys[0]!.key);
    const esempio = await prisma.tenant.findUniqueOrThrow({ where: { slug: "esempio" } });
    expect(principal).toMatchObject({ tenantId: esempio.id, name: DEMO_API_KEY_NAME, scopes: [...API_SCOPES] });
    expect(await prisma.apiKey.count({ where: { tenantId: esempio.id, name: DEMO_API_KEY_NAME } })).toBe(1);
  });

  it("replaces the demo key nobody can read any more when the file is lost, and leaves a revoked one revoked", async () => {
    const prisma = await db();
    const old = await seedDemo(prisma, { credentialsFile });
    fs.rmSync(credentialsFile);
    const renewed = await seedDemo(prisma, { credentialsFile });
    expect(renewed.apiKeys[0]!.key).not.toBe(old.apiKeys[0]!.key);
    await expect(authenticateApiKey(old.apiKeys[0]!.key)).rejects.toThrow();
    expect((await authenticateApiKey(renewed.apiKeys[0]!.key)).name).toBe(DEMO_API_KEY_NAME);

    await prisma.apiKey.updateMany({ where: { name: DEMO_API_KEY_NAME }, data: { revokedAt: new Date() } });
    try {
      expect((await seedDemo(prisma, { credentialsFile })).apiKeys).toEqual([]);
      await expect(authenticateApiKey(renewed.apiKeys[0]!.key)).rejects.toThrow();
    } finally {
      await prisma.apiKey.updateMany({ where: { name: DEMO_API_KEY_NAME }, data: { revokedAt: null } });
    }
  });

  it("stores the e2e suite's key exactly as given, once", async () => {
    const prisma = await db();
    const e2eApiKey = `spk_e2eSeedTest${Date.now().toString(36)}abcdefghij`;
    await seedDemo(prisma, { credentialsFile, e2eApiKey });
    await seedDemo(prisma, { credentialsFile, e2eApiKey });
    const principal = await authenticateApiKey(e2eApiKey);
    expect(principal).toMatchObject({ name: E2E_API_KEY_NAME, scopes: [...API_SCOPES] });
    expect(await prisma.apiKey.count({ where: { id: principal.id } })).toBe(1);
  });
});

// ---- the demo inbox ---------------------------------------------------------------------------

const OPERATOR_EMAIL = "operatore@esempio.sportello.localhost";

async function esempio() {
  const prisma = await db();
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: "esempio" }, select: { id: true } });
  const operator = await prisma.staffUser.findUniqueOrThrow({ where: { email: OPERATOR_EMAIL }, select: { id: true } });
  return { tenantId: tenant.id, operatorId: operator.id };
}

/** How many of each thing the municipality's applications have (what a second seed must not add to). */
async function demoRows(tenantId: string) {
  const prisma = await db();
  const where = { tenantId };
  return {
    applications: await prisma.application.count({ where }),
    statusChanges: await prisma.applicationStatusChange.count({ where }),
    messages: await prisma.message.count({ where }),
    attachments: await prisma.attachment.count({ where }),
    integrationRequests: await prisma.integrationRequest.count({ where }),
    citizens: await prisma.citizen.count({ where: { fiscalCode: { in: [...DEMO_CITIZEN_FISCAL_CODES] } } }),
  };
}

/** What the worker does when the app starts: receipts, then the outcome documents (repeated until
 * the finalizations' own status changes have been seen). */
async function runDemoJobs(tenantId: string) {
  const prisma = await db();
  const definitions = [applicationSubmittedJob, applicationOutcomeJob];
  for (;;) {
    const jobs = await prisma.backgroundJob.findMany({
      where: { name: { in: definitions.map((d) => d.id) }, status: "PENDING", payload: { path: ["tenantId"], equals: tenantId } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (jobs.length === 0) return;
    for (const job of jobs) await runJobNow(job.id, { definitions, retryBaseMs: 10, logger: quietJobLogger });
  }
}

describe("seedDemo's applications", () => {
  it("fills the demo inbox once, through the real services; the test identities keep empty areas", { timeout: 120_000 }, async () => {
    const prisma = await db();
    await seedDemo(prisma, { credentialsFile });
    const { tenantId, operatorId } = await esempio();
    const rows = await demoRows(tenantId);
    await seedDemo(prisma, { credentialsFile });
    expect(await demoRows(tenantId)).toEqual(rows);
    expect(rows).toMatchObject({ applications: 12, citizens: 10, integrationRequests: 1 });

    // The receipts and outcome documents the worker makes when the app starts.
    await runDemoJobs(tenantId);
    const counts = await countsByStatus({ tenantId, staffUserId: operatorId });
    expect(counts.map((c) => [c.status, c.count])).toEqual([
      [3000, 5],
      [4000, 4],
      [4100, 1],
      [7000, 1],
      [9000, 1],
    ]);
    const { items } = await listInbox({ tenantId, staffUserId: operatorId, limit: 100 });
    expect(items).toHaveLength(12);
    expect(new Set(items.map((i) => i.protocolNumber)).size).toBe(12);
    for (const i of items) expect(i.protocolNumber).toMatch(/^ESE-\d{4}-\d{7}$/);
    expect(items.filter((i) => i.status === 3000).every((i) => i.assignedStaffId === null)).toBe(true);
    expect(items.filter((i) => i.status >= 4000).every((i) => i.assignedStaffName === "Marco Rossi")).toBe(true);
    const overdue = await listInbox({ tenantId, staffUserId: operatorId, filters: { overdue: true } });
    expect(overdue.items.map((i) => [i.applicantName, i.status])).toEqual([["Romano Francesca", 4000]]);

    // Accepted and rejected by the operator (6000 / 8000), finalized by the outcome job.
    const decided = await prisma.applicationStatusChange.findMany({
      where: { tenantId, toStatus: { in: [6000, 7000, 8000, 9000] } },
      orderBy: { createdAt: "asc" },
      select: { toStatus: true, actorKind: true },
    });
    expect(decided.map((d) => `${d.toStatus} ${d.actorKind}`).sort()).toEqual(["6000 STAFF", "7000 SYSTEM", "8000 STAFF", "9000 SYSTEM"]);
    const documents = await prisma.document.groupBy({ by: ["kind"], where: { tenantId, fileKey: { not: null } }, _count: { _all: true } });
    expect(Object.fromEntries(documents.map((d) => [d.kind, d._count._all]))).toEqual({ RECEIPT: 12, OUTCOME: 2 });

    // One message to a family, notes for the office only, an open integration request.
    const staffMessages = await prisma.message.findMany({ where: { tenantId, authorKind: "STAFF" }, select: { internal: true, citizenId: true } });
    expect(staffMessages.filter((m) => m.internal).every((m) => m.citizenId === null)).toBe(true);
    expect(staffMessages.filter((m) => m.internal)).toHaveLength(2);
    expect(staffMessages.filter((m) => !m.internal)).toHaveLength(2); // the message and the integration request
    expect(await prisma.integrationRequest.count({ where: { tenantId, closedAt: null, answeredAt: null } })).toBe(1);

    const devCodes = DEV_IDENTITIES.map((i) => i.fiscal_number);
    const devEmails = DEV_IDENTITIES.map((i) => i.email);
    const theirs = await prisma.application.count({
      where: { tenantId, OR: [{ citizen: { fiscalCode: { in: devCodes } } }, { applicantEmail: { in: devEmails } }, { applicantFiscalCode: { in: devCodes } }] },
    });
    expect(theirs).toBe(0);
  });
});
