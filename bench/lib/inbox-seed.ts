import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { PrismaClient } from "../../server/db/generated/client";

// Applications at scale for the benchmarks (bench/inbox.ts, bench/csv.ts): municipalities with
// twenty services and a few operators, and applications inserted by PostgreSQL itself
// (generate_series), a hundred thousand a statement.

const SURNAMES = `Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa
  Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli
  Vitale Lombardo Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso Valentini
  Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Rossini`
  .split(/\s+/)
  .map((s) => s.replaceAll("_", " "));
const NAMES = `Maria Giuseppe Anna Giovanni Rosa Antonio Angela Mario Giovanna Luigi Teresa Francesco Lucia Angelo Carmela Vincenzo
  Caterina Pietro Francesca Salvatore Elena Carlo Sofia Franco Giulia Domenico Chiara Bruno Sara Paolo Laura Michele Alessandra Marco
  Paola Luca Martina Andrea Giorgia Stefano`.split(/\s+/);

const pgArray = (items: string[]) => `ARRAY[${items.map((s) => `'${s.replaceAll("'", "''")}'`).join(",")}]`;

/** A municipality with 20 published services (processing times of 30, 60 and 90 days) and
 * `staffCount` operators. */
export async function createTenantWithServices(prisma: PrismaClient, slug: string, prefix: string, staffCount: number) {
  const tenant = await prisma.tenant.create({ data: { slug, name: `Comune di ${slug}`, protocolPrefix: prefix } });
  const category = await prisma.serviceCategory.create({ data: { tenantId: tenant.id, slug: "bench", name: "Benchmark" } });
  for (let s = 0; s < 20; s++) {
    const service = await prisma.service.create({
      data: {
        tenantId: tenant.id,
        slug: `servizio-${String(s).padStart(2, "0")}`,
        categoryId: category.id,
        name: `Servizio ${s + 1}`,
        status: "PUBLISHED",
        summary: "-",
        audience: "-",
        howTo: "-",
        cost: "-",
        maxProcessingDays: [30, 60, 90][s % 3]!,
        documentsNeeded: "-",
        contacts: "-",
        privacyNotice: "-",
      },
    });
    const form = await prisma.formVersion.create({ data: { tenantId: tenant.id, serviceId: service.id, version: 1, schema: { version: 1, pages: [] }, publishedAt: new Date() } });
    await prisma.service.update({ where: { id: service.id }, data: { currentFormVersionId: form.id } });
  }
  for (let i = 0; i < staffCount; i++) {
    await prisma.staffUser.create({
      data: { email: `op${i}@${slug}.bench.test`, name: `Operatore ${i}`, memberships: { create: { tenantId: tenant.id, role: "OPERATOR" } } },
    });
  }
  return tenant;
}

/** Applications `from`…`to` (numbering makes protocol numbers and fiscal codes unique): spread
 * over three years; older ones mostly closed; a share of drafts (`draftShare`, default 5%);
 * applicants from common surnames. */
export async function insertApplications(
  sql: pg.Client,
  { tenantId, prefix, from, to, now, draftShare = 0.05 }: { tenantId: string; prefix: string; from: number; to: number; now: Date; draftShare?: number },
) {
  await sql.query(
    `WITH svc AS (
       SELECT array_agg(id ORDER BY slug) AS ids, array_agg("currentFormVersionId" ORDER BY slug) AS forms,
              array_agg("maxProcessingDays" ORDER BY slug) AS days
       FROM "Service" WHERE "tenantId" = $1),
     staff AS (SELECT array_agg("staffUserId" ORDER BY "staffUserId") AS ids FROM "Membership" WHERE "tenantId" = $1),
     g AS (
       SELECT i, 1 + floor(random() * 20)::int AS si, random() AS age, random() AS r, random() AS d,
              date_trunc('second', $4::timestamp - random() * interval '1095 days') AS sub,
              1 + floor(random() * ${SURNAMES.length})::int AS sn, 1 + floor(random() * ${NAMES.length})::int AS gn
       FROM generate_series($2::int, $3::int) AS i),
     x AS (
       SELECT g.*, CASE
         WHEN g.d < $6::float8 THEN 1000
         WHEN g.sub < $4::timestamp - interval '120 days' THEN
           CASE WHEN g.r < 0.7 THEN 7000 WHEN g.r < 0.9 THEN 9000 WHEN g.r < 0.98 THEN 20000 ELSE 50000 END
         ELSE CASE WHEN g.r < 0.02 THEN 1900 WHEN g.r < 0.27 THEN 3000 WHEN g.r < 0.62 THEN 4000 WHEN g.r < 0.65 THEN 4100
           WHEN g.r < 0.75 THEN 4200 WHEN g.r < 0.80 THEN 4300 WHEN g.r < 0.82 THEN 4400 WHEN g.r < 0.92 THEN 4500
           WHEN g.r < 0.93 THEN 6000 WHEN g.r < 0.98 THEN 7000 ELSE 9000 END
         END AS status
       FROM g)
     INSERT INTO "Application" (id, "tenantId", "serviceId", "formVersionId", status, data, "protocolNumber", "protocolYear",
       "protocolSeq", "submittedAt", "registeredAt", "dueDate", "lastSavedAt", "draftExpiresAt", "applicantName",
       "applicantFiscalCode", "assignedStaffId", "takenInChargeAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, svc.ids[x.si], svc.forms[x.si], x.status, '{}'::jsonb,
       CASE WHEN x.status >= 3000 THEN $5 || '-' || extract(year FROM x.sub)::int || '-' || lpad(x.i::text, 7, '0') END,
       CASE WHEN x.status >= 3000 THEN extract(year FROM x.sub)::int END,
       CASE WHEN x.status >= 3000 THEN x.i END,
       CASE WHEN x.status >= 1900 THEN x.sub END,
       CASE WHEN x.status >= 3000 THEN x.sub + interval '1 minute' END,
       CASE WHEN x.status >= 3000 THEN x.sub + make_interval(days => svc.days[x.si]) END,
       x.sub,
       CASE WHEN x.status = 1000 THEN $4::timestamp + interval '365 days' END,
       CASE WHEN x.status >= 1900 THEN (${pgArray(SURNAMES)})[x.sn] || ' ' || (${pgArray(NAMES)})[x.gn] END,
       CASE WHEN x.status >= 1900 THEN
         translate(substr(md5(x.i::text || $1), 1, 6), '0123456789abcdef', 'ABCDEFGHILMNOPRS') || lpad((x.i % 100)::text, 2, '0')
         || substr('ABCDEHLMPRST', 1 + x.i % 12, 1) || lpad((1 + (x.i / 100) % 28)::text, 2, '0') || 'H'
         || lpad(((x.i / 10000) % 1000)::text, 3, '0') || chr(65 + x.i % 26) END,
       CASE WHEN x.status >= 4000 THEN staff.ids[1 + x.i % array_length(staff.ids, 1)] END,
       CASE WHEN x.status >= 4000 THEN x.sub + interval '2 days' END,
       x.sub, x.sub
     FROM x, svc, staff`,
    [tenantId, from, to, now.toISOString(), prefix, draftShare],
  );
}

export const INBOX_SEED_TENANT = "bench-inbox";
const INBOX_SEED_OTHER = "bench-inbox-altro";

/** The inbox benchmarks' municipality with `applications` applications (and a tenth as many in a
 * second one): made once and kept between runs (`reseed` makes it again). */
export async function ensureInboxSeed(
  prisma: PrismaClient,
  sql: pg.Client,
  opts: { applications: number; reseed?: boolean; now: Date; log: (msg: string) => void },
) {
  const { applications: n, now, log } = opts;
  let tenant = await prisma.tenant.findUnique({ where: { slug: INBOX_SEED_TENANT } });
  if (tenant && opts.reseed) {
    await prisma.tenant.deleteMany({ where: { slug: { in: [INBOX_SEED_TENANT, INBOX_SEED_OTHER] } } });
    tenant = null;
  }
  if (tenant) {
    log(`reusing the seed of ${INBOX_SEED_TENANT} (--reseed to make it again)`);
    return tenant;
  }
  const started = performance.now();
  tenant = await createTenantWithServices(prisma, INBOX_SEED_TENANT, "BEN", 10);
  const other = await createTenantWithServices(prisma, INBOX_SEED_OTHER, "ALT", 3);
  await sql.query("SELECT setseed(0.42)");
  const batch = 100_000;
  for (let from = 1; from <= n; from += batch) {
    await insertApplications(sql, { tenantId: tenant.id, prefix: "BEN", from, to: Math.min(n, from + batch - 1), now });
    log(`seeded ${Math.min(n, from + batch - 1).toLocaleString("en")} / ${n.toLocaleString("en")} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  await insertApplications(sql, { tenantId: other.id, prefix: "ALT", from: 1, to: Math.ceil(n / 10), now });
  await sql.query('VACUUM (ANALYZE) "Application"');
  log(`seed done in ${((performance.now() - started) / 1000).toFixed(1)} s (with VACUUM ANALYZE)`);
  return tenant;
}
