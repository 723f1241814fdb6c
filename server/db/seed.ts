import fs from "node:fs";
import path from "node:path";
import type { Prisma, PrismaClient, StaffRole } from "./generated/client";
import { env } from "../env";
import { AppError } from "../errors";
import { logger } from "../logger";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";
import { API_KEY_VISIBLE_CHARS, generateApiKey, hashApiKey } from "../api/keys";
import { API_SCOPES } from "../api/scopes";
import { claimDemoApplications, seedDemoApplications } from "./seed-applications";
import { seedDemoServices } from "./seed-services";

// Demo data for a fresh installation: two municipalities (the second shows tenant isolation),
// the reference services of the first (seed-services.ts), one staff account per role and, once,
// a dozen applications in the first one's inbox (seed-applications.ts). Idempotent: rows are
// matched by slug/email and never overwritten, so edits made in the app survive a restart. Passwords are random, kept in
// DATA_DIR/demo-credentials.json (mode 0600, never committed) so every run prints the same ones;
// without that file nobody knows them, so they are generated and set again.
// The same file keeps the demo API key ("Demo – sistema esterno", every scope, Comune di
// Esempio): only its hash is in the database, so the file is the one place it can be read again
// (`npm start` prints it). An administrator who revokes it in the app keeps it revoked. The e2e
// suite's key (SEED_E2E_API_KEY) is stored as given, named "e2e".

export type TDemoCredential = { email: string; password: string; role: string; tenant: string };
export type TDemoApiKey = { name: string; key: string; tenant: string; scopes: string[] };

export const DEMO_API_KEY_NAME = "Demo – sistema esterno";
export const E2E_API_KEY_NAME = "e2e";

export type TSeedOptions = {
  /** Default: DATA_DIR/demo-credentials.json. */
  credentialsFile?: string;
  /** One password for every demo account (the e2e suite); default SEED_E2E_STAFF_PASSWORD. */
  staffPassword?: string;
  /** An API key to store as given (the e2e suite); default SEED_E2E_API_KEY. */
  e2eApiKey?: string;
};

/** `tenant` of the platform super-admin in the returned credentials (not a valid slug). */
export const PLATFORM_TENANT = "(platform)";
export const SUPER_ADMIN_ROLE = "SUPER_ADMIN";

const TENANTS = [
  {
    slug: "esempio",
    name: "Comune di Esempio",
    area: "Provincia di Esempio",
    protocolPrefix: "ESE",
    contactEmail: "urp@esempio.sportello.localhost",
    contactPhone: "+39 0123 456789",
    website: "https://www.comune.esempio.example",
    emailFrom: "Comune di Esempio <noreply@esempio.sportello.localhost>",
  },
  {
    slug: "borgoverde",
    name: "Comune di Borgoverde",
    area: "Provincia di Valverde",
    protocolPrefix: "BGV",
    contactEmail: "protocollo@borgoverde.sportello.localhost",
    contactPhone: "+39 0765 432100",
    website: "https://www.comune.borgoverde.example",
    emailFrom: "Comune di Borgoverde <noreply@borgoverde.sportello.localhost>",
    brandColor: "#2e7d32",
  },
] satisfies Prisma.TenantCreateInput[];

type TDemoStaff = { email: string; name: string } & ({ tenant: string; role: StaffRole } | { superAdmin: true });

const STAFF: TDemoStaff[] = [
  { email: "admin@esempio.sportello.localhost", name: "Giulia Bianchi", tenant: "esempio", role: "TENANT_ADMIN" },
  { email: "operatore@esempio.sportello.localhost", name: "Marco Rossi", tenant: "esempio", role: "OPERATOR" },
  { email: "funzionario@esempio.sportello.localhost", name: "Anna Conti", tenant: "esempio", role: "SERVICE_MANAGER" },
  { email: "admin@borgoverde.sportello.localhost", name: "Luca Verdi", tenant: "borgoverde", role: "TENANT_ADMIN" },
  { email: "superadmin@sportello.localhost", name: "Amministrazione piattaforma", superAdmin: true },
];

/** "Asilo nido" groups the nursery's services (one dossier case for the office). */
const DEMO_GROUP = { slug: "asilo-nido", name: "Asilo nido", description: "Iscrizione al nido d'infanzia e servizi collegati.", services: ["iscrizione-nido"] };

/** The services the demo functionary (service manager) manages. */
const DEMO_MANAGED_SERVICES = ["bonus-alimentare"];

/**
 * The demo service group, the demo operators as the team of every service of the municipality,
 * and the demo functionary as the manager of DEMO_MANAGED_SERVICES. Made once, with the group: later changes in the app (a service moved out of the
 * group, an operator taken off a service) survive restarts like every other edit.
 */
async function seedDemoTeams(tx: Prisma.TransactionClient, tenantId: string, operatorIds: string[], managerIds: string[]): Promise<void> {
  const where = { tenantId_slug: { tenantId, slug: DEMO_GROUP.slug } };
  if (await tx.serviceGroup.findUnique({ where, select: { id: true } })) return;
  const group = await tx.serviceGroup.create({
    data: { tenantId, slug: DEMO_GROUP.slug, name: DEMO_GROUP.name, description: DEMO_GROUP.description },
    select: { id: true },
  });
  await tx.service.updateMany({ where: { tenantId, slug: { in: DEMO_GROUP.services }, groupId: null }, data: { groupId: group.id } });
  const services = await tx.service.findMany({ where: { tenantId }, select: { id: true } });
  await tx.serviceOperator.createMany({
    data: services.flatMap((sv) => operatorIds.map((staffUserId) => ({ tenantId, serviceId: sv.id, staffUserId }))),
    skipDuplicates: true,
  });
  const managed = await tx.service.findMany({ where: { tenantId, slug: { in: DEMO_MANAGED_SERVICES } }, select: { id: true } });
  await tx.serviceOperator.createMany({
    data: managed.flatMap((sv) => managerIds.map((staffUserId) => ({ tenantId, serviceId: sv.id, staffUserId }))),
    skipDuplicates: true,
  });
}

/**
 * The e2e key (stored as given) and the demo key of the demo municipality. The demo key is the one
 * the credentials file remembers while its hash still matches; otherwise a new one replaces it on
 * the same row (nobody could read the old one). Returns the demo key, unless it was revoked.
 */
async function seedDemoApiKeys(tx: Prisma.TransactionClient, tenantId: string, tenant: string, known: TDemoApiKey[], e2eKey: string | undefined): Promise<TDemoApiKey[]> {
  const scopes = [...API_SCOPES];
  if (e2eKey) {
    const keyHash = hashApiKey(e2eKey);
    await tx.apiKey.upsert({
      where: { keyHash },
      create: { tenantId, name: E2E_API_KEY_NAME, prefix: e2eKey.slice(0, API_KEY_VISIBLE_CHARS), keyHash, scopes },
      update: {},
    });
  }
  const existing = await tx.apiKey.findFirst({
    where: { tenantId, name: DEMO_API_KEY_NAME },
    orderBy: { createdAt: "asc" },
    select: { id: true, keyHash: true, scopes: true, revokedAt: true },
  });
  if (existing?.revokedAt) return [];
  const remembered = known.find((k) => k.tenant === tenant && k.name === DEMO_API_KEY_NAME)?.key;
  if (existing && remembered && hashApiKey(remembered) === existing.keyHash) {
    return [{ name: DEMO_API_KEY_NAME, key: remembered, tenant, scopes: existing.scopes }];
  }
  const fresh = !existing && remembered ? { key: remembered, prefix: remembered.slice(0, API_KEY_VISIBLE_CHARS), keyHash: hashApiKey(remembered) } : generateApiKey();
  const row = existing
    ? await tx.apiKey.update({ where: { id: existing.id }, data: { keyHash: fresh.keyHash, prefix: fresh.prefix }, select: { scopes: true } })
    : await tx.apiKey.create({ data: { tenantId, name: DEMO_API_KEY_NAME, prefix: fresh.prefix, keyHash: fresh.keyHash, scopes }, select: { scopes: true } });
  return [{ name: DEMO_API_KEY_NAME, key: fresh.key, tenant, scopes: row.scopes }];
}

// Serialises concurrent seeds (two app instances starting on one PostgreSQL).
const SEED_LOCK_ID = 72707370;

export function defaultCredentialsFile(): string {
  return path.resolve(env().DATA_DIR, "demo-credentials.json");
}

function readCredentials(file: string): Map<string, string> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { accounts?: TDemoCredential[] };
    return new Map((parsed.accounts ?? []).map((c) => [c.email, c.password]));
  } catch {
    // Missing or unreadable: the passwords are unknown, so new ones are set.
    return new Map();
  }
}

function readApiKeys(file: string): TDemoApiKey[] {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { apiKeys?: TDemoApiKey[] };
    return Array.isArray(parsed.apiKeys) ? parsed.apiKeys : [];
  } catch {
    return [];
  }
}

function writeCredentials(file: string, accounts: TDemoCredential[], apiKeys: TDemoApiKey[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const body = { note: "Demo staff accounts and API key created by `npm run db:seed`. Local only: never commit.", accounts, apiKeys };
  fs.writeFileSync(tmp, JSON.stringify(body, null, 2) + "\n", { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
}

async function hashMatches(password: string, hash: string | null | undefined): Promise<boolean> {
  return hash ? verifyPassword(password, hash) : false;
}

/** Creates the demo municipalities and staff if missing; returns the staff sign-in details. */
export async function seedDemo(
  prisma: PrismaClient,
  options: TSeedOptions = {},
): Promise<{ credentials: TDemoCredential[]; apiKeys: TDemoApiKey[] }> {
  const file = options.credentialsFile ?? defaultCredentialsFile();
  // Not in server/env.ts on purpose: only the seed reads it (e2e runs set it).
  const fixedPassword = options.staffPassword ?? (process.env.SEED_E2E_STAFF_PASSWORD || undefined);

  const e2eApiKey = options.e2eApiKey ?? env().SEED_E2E_API_KEY;

  const { credentials, apiKeys, demoApplications } = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`;
      const known = readCredentials(file);

      const tenantIds = new Map<string, string>();
      for (const t of TENANTS) {
        const tenant = await tx.tenant.upsert({ where: { slug: t.slug }, create: t, update: {}, select: { id: true } });
        tenantIds.set(t.slug, tenant.id);
      }
      await seedDemoServices(tx, tenantIds.get("esempio")!);

      const result: TDemoCredential[] = [];
      for (const s of STAFF) {
        const existing = await tx.staffUser.findUnique({
          where: { email: s.email },
          select: { id: true, passwordHash: true },
        });
        const remembered = known.get(s.email);
        const { password, mustSet } = fixedPassword
          ? { password: fixedPassword, mustSet: !(await hashMatches(fixedPassword, existing?.passwordHash)) }
          : existing && remembered
            ? { password: remembered, mustSet: false }
            : { password: remembered ?? generatePassword(), mustSet: true };
        const passwordHash = mustSet ? await hashPassword(password) : undefined;
        const user = existing
          ? passwordHash
            ? await tx.staffUser.update({ where: { id: existing.id }, data: { passwordHash }, select: { id: true } })
            : existing
          : await tx.staffUser.create({
              data: { email: s.email, name: s.name, isSuperAdmin: "superAdmin" in s, passwordHash },
              select: { id: true },
            });
        if ("tenant" in s) {
          const tenantId = tenantIds.get(s.tenant)!;
          await tx.membership.upsert({
            where: { tenantId_staffUserId: { tenantId, staffUserId: user.id } },
            create: { tenantId, staffUserId: user.id, role: s.role },
            update: {},
          });
        }
        result.push({
          email: s.email,
          password,
          role: "tenant" in s ? s.role : SUPER_ADMIN_ROLE,
          tenant: "tenant" in s ? s.tenant : PLATFORM_TENANT,
        });
      }
      const demoMembers = await tx.membership.findMany({
        where: { tenantId: tenantIds.get("esempio")!, role: { in: ["OPERATOR", "SERVICE_MANAGER"] }, staffUser: { email: { in: STAFF.map((st) => st.email) } } },
        select: { staffUserId: true, role: true },
      });
      const operatorIds = demoMembers.filter((m) => m.role === "OPERATOR");
      const managerIds = demoMembers.filter((m) => m.role === "SERVICE_MANAGER").map((m) => m.staffUserId);
      await seedDemoTeams(tx, tenantIds.get("esempio")!, operatorIds.map((m) => m.staffUserId), managerIds);
      const operatorId = operatorIds[0]?.staffUserId;
      const claimed = operatorId !== undefined && (await claimDemoApplications(tx, tenantIds.get("esempio")!));
      const apiKeys = await seedDemoApiKeys(tx, tenantIds.get("esempio")!, "esempio", readApiKeys(file), e2eApiKey);
      // Written before commit: if the commit fails, the next run creates the users with these.
      writeCredentials(file, result, apiKeys);
      return { credentials: result, apiKeys, demoApplications: claimed ? { tenantId: tenantIds.get("esempio")!, operatorId } : null };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  // After the commit: the services that make them open their own transactions. Demo data that
  // fails (say, a reference form changed under its answers) must not keep the app from starting.
  if (demoApplications) {
    const { tenantId, operatorId } = demoApplications;
    await seedDemoApplications({ tenantId, operator: { id: operatorId, role: "OPERATOR" } }).catch((e: unknown) =>
      logger.error("demo applications not created", { error: e instanceof Error ? e.message : String(e), ...(e instanceof AppError ? { fields: e.fields } : {}) }),
    );
  }
  return { credentials, apiKeys };
}
