import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import pg from "pg";

// The practical limit the submission benchmark compares Sportello with: node:http + pg doing the
// same database work per request as `application.submit`, with nothing else. It checks the
// applicant's signed cookie, finds the application by id, municipality and owner, and in one
// transaction moves it from draft (1000) to submitted (1900) with the submission key, records the
// status change and enqueues the application.submitted job (outbox row). Not done here, unlike
// the app: the Auth.js session read, re-validating the answers against the form, and Next's own
// request handling (routing, proxy.ts headers, React server runtime).
// Run by bench/submit.ts: PORT, DATABASE_URL, AUTH_SECRET, DATABASE_POOL_MAX (default 20, as the app).

const port = Number(process.env.PORT ?? 3240);
const secret = process.env.AUTH_SECRET ?? "";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 20) });

const COOKIE = "sportello-applicant";

/** The email of a valid applicant cookie (server/applicants/email-session.ts format), or null. */
function cookieEmail(header: string | undefined, tenantId: string): string | null {
  const raw = header
    ?.split(";")
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${COOKIE}=`));
  if (!raw) return null;
  const value = decodeURIComponent(raw.slice(COOKIE.length + 1));
  const dot = value.indexOf(".");
  const payload = value.slice(0, dot);
  const expected = Buffer.from(createHmac("sha256", secret).update(`email-applicant:${payload}`).digest("base64url"));
  const given = Buffer.from(value.slice(dot + 1));
  if (dot <= 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const session = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { t: string; e: string; x: number };
  return session.t === tenantId && session.x > Date.now() ? session.e : null;
}

function reply(res: http.ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  res.end(json);
}

async function submit(req: http.IncomingMessage, body: string): Promise<[number, unknown]> {
  const input = (JSON.parse(body) as { json?: { id?: string; submissionKey?: string } }).json;
  const slug = req.headers["x-sportello-tenant"];
  if (!input?.id || !input.submissionKey || typeof slug !== "string") return [400, { error: "BAD_REQUEST" }];
  const client = await pool.connect();
  try {
    const tenant = await client.query<{ id: string }>('SELECT id FROM "Tenant" WHERE slug = $1', [slug]);
    const tenantId = tenant.rows[0]?.id;
    const email = tenantId ? cookieEmail(req.headers.cookie, tenantId) : null;
    if (!tenantId || !email) return [401, { error: "UNAUTHORIZED" }];
    await client.query("BEGIN");
    const found = await client.query<{ id: string; status: number; submissionKey: string | null }>(
      'SELECT id, status, "submissionKey" FROM "Application" WHERE id = $1 AND "tenantId" = $2 AND "citizenId" IS NULL AND "applicantEmail" = $3',
      [input.id, tenantId, email],
    );
    const app = found.rows[0];
    if (!app) {
      await client.query("ROLLBACK");
      return [404, { error: "NOT_FOUND" }];
    }
    const updated = await client.query(
      `UPDATE "Application" SET status = 1900, "submissionKey" = $3, "submittedAt" = now(), "draftExpiresAt" = NULL,
         version = version + 1, "updatedAt" = now() WHERE id = $1 AND "tenantId" = $2 AND status = 1000`,
      [app.id, tenantId, input.submissionKey],
    );
    if (updated.rowCount === 1) {
      await client.query(
        `INSERT INTO "ApplicationStatusChange" (id, "tenantId", "applicationId", "fromStatus", "toStatus", "actorKind")
         VALUES ($1, $2, $3, 1000, 1900, 'CITIZEN')`,
        [randomUUID(), tenantId, app.id],
      );
      await client.query(
        `INSERT INTO "BackgroundJob" (id, name, payload, "maxAttempts", "dedupeKey", "updatedAt")
         VALUES ($1, 'application.submitted', $2, 10, $3, now()) ON CONFLICT ("dedupeKey") DO NOTHING`,
        [randomUUID(), JSON.stringify({ tenantId, applicationId: app.id }), `application.submitted:${app.id}`],
      );
    }
    await client.query("COMMIT");
    const replayed = updated.rowCount === 0 && app.submissionKey === input.submissionKey;
    if (updated.rowCount === 0 && !replayed) return [409, { error: "CONFLICT" }];
    return [200, { result: { data: { json: { id: app.id, status: 1900, protocolNumber: null, replayed } } } }];
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

// POST /api/trpc/application.submit: the one route.
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.method !== "POST" || req.url !== "/api/trpc/application.submit") return reply(res, 404, { error: "NOT_FOUND" });
    submit(req, Buffer.concat(chunks).toString("utf8")).then(
      ([status, body]) => reply(res, status, body),
      (e: unknown) => reply(res, 500, { error: e instanceof Error ? e.message : String(e) }),
    );
  });
});
server.listen(port, "127.0.0.1", () => console.log(`bare submit server on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
