import { describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { createStaff, createTenant } from "@/server/test/factories";
import { staffViewer } from "@/server/test/trpc";
import { handleInboxExport, romeDateTime, type TInboxExportDeps } from "./inbox-export";
import { createInboxApplications } from "./testing";

// The inbox's CSV export as the office downloads it: the same filters as the inbox page, every
// matching row across as many pages as it takes, in Italian, safe to open in a spreadsheet; staff
// of the municipality only, and every export in the audit trail.

const NOW = new Date("2026-11-23T10:00:00.000Z");
const DAY = 86_400_000;

async function setup() {
  const tenant = await createTenant();
  const service = await createTestService({ tenantId: tenant.id });
  const { user } = await createStaff({ tenantId: tenant.id });
  const { staff } = await staffViewer(user.id);
  const deps = (over: Partial<TInboxExportDeps> = {}): TInboxExportDeps => ({
    resolveTenant: async (slug) => (slug === tenant.slug ? tenant : null),
    getStaff: async () => staff,
    locale: "it",
    ip: "192.0.2.7",
    now: NOW,
    ...over,
  });
  return { tenant, service, staff, deps };
}

async function download(slug: string, query: string, deps: TInboxExportDeps) {
  const res = await handleInboxExport(new Request(`http://localhost/api/${slug}/backoffice/domande/export.csv${query}`), { tenant: slug }, deps);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("GET /api/[tenant]/backoffice/domande/export.csv", () => {
  it("streams the filtered inbox as an Italian CSV file, across pages, in the inbox's order", async () => {
    const { tenant, service, staff, deps } = await setup();
    const other = await createTestService({ tenantId: tenant.id });
    await createInboxApplications({
      tenantId: tenant.id,
      service,
      applications: [
        // 14:05 in Rome (UTC+1 in November).
        { status: 4000, submittedAt: new Date("2026-11-20T13:05:00Z"), dueDate: new Date("2026-11-21T13:05:00Z"), applicantName: "Rossi Maria", applicantFiscalCode: "RSSMRA80A41H501U", protocolNumber: "ESE-2026-0000001", assignedStaffId: staff.id },
        { status: 4000, submittedAt: new Date("2026-11-19T09:00:00Z"), applicantName: "Rossi; \"Gino\"\nsecondo rigo", protocolNumber: "ESE-2026-0000002" },
        { status: 4000, submittedAt: new Date("2026-11-18T09:00:00Z"), applicantName: "=HYPERLINK(\"http://evil.example\")", protocolNumber: "ESE-2026-0000003" },
        // Summer time: 09:30 UTC is 11:30 in Rome.
        { status: 4000, submittedAt: new Date("2026-07-01T09:30:00Z"), applicantName: "Rossini Anna", protocolNumber: "ESE-2026-0000004" },
        { status: 4000, submittedAt: new Date("2026-11-16T09:00:00Z"), applicantName: "Bianchi Luca", protocolNumber: "ESE-2026-0000005" },
        // Filtered out: another status, a draft, another service.
        { status: 7000, submittedAt: new Date("2026-11-17T09:00:00Z"), applicantName: "Rossi Carla" },
        { status: 1000, applicantName: "Rossi Bozza" },
      ],
    });
    await createInboxApplications({ tenantId: tenant.id, service: other, applications: [{ status: 4000, submittedAt: new Date("2026-11-15T09:00:00Z"), applicantName: "Rossi Piero" }] });

    // Two rows a page: four pages for five rows.
    const { res, bytes, text } = await download(tenant.slug, `?servizio=${service.id}&stato=4000&pagina=ignored`, { ...deps(), batchSize: 2 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`filename="domande-${tenant.slug}-2026-11-23.csv"`);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Protocollo;Richiedente;Codice fiscale;Servizio;Stato;Codice stato;Presentata il;Scadenza;Scaduta;Presa in carico da;Identificativo",
    );
    const cells = (line: string) => line.split(";").slice(0, 10);
    expect(cells(lines[1]!)).toEqual([
      "ESE-2026-0000001",
      "Rossi Maria",
      "RSSMRA80A41H501U",
      service.name,
      "Presa in carico",
      "4000",
      "20/11/2026 14:05",
      "21/11/2026 14:05",
      "Sì",
      staff.name,
    ]);
    // Quotes, separator and line break stay inside one quoted cell.
    expect(text).toContain(`ESE-2026-0000002;"Rossi; ""Gino""\nsecondo rigo";;${service.name};`);
    // A formula is defused with an apostrophe.
    expect(text).toContain(`ESE-2026-0000003;"'=HYPERLINK(""http://evil.example"")";`);
    expect(text).toContain(";01/07/2026 11:30;;No;;");
    expect(text).not.toMatch(/Rossi Carla|Rossi Piero|Rossi Bozza/);
    // Newest first, like the inbox; the file ends with a line end.
    expect([...text.matchAll(/ESE-2026-000000(\d)/g)].map((m) => m[1])).toEqual(["1", "2", "3", "5", "4"]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").length - 2).toBe(5);

    // Every export is audited with what it asked for and how many rows it held.
    const prisma = await db();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "applications.export" } });
    expect(audit).toMatchObject({ actorKind: "STAFF", actorId: staff.id, actorRole: "OPERATOR", ip: "192.0.2.7" });
    expect(audit.details).toEqual({ filters: { servizio: service.id, stato: "4000" }, sort: "submittedAt_desc", rowCount: 5 });
  });

  it("follows the inbox's sort and overdue filter, and writes commas when asked", async () => {
    const { tenant, service, deps } = await setup();
    await createInboxApplications({
      tenantId: tenant.id,
      service,
      applications: [
        { status: 4000, protocolNumber: "P-2", dueDate: new Date(NOW.getTime() - 2 * DAY), applicantName: "Verdi, Ada" },
        { status: 3000, protocolNumber: "P-1", dueDate: new Date(NOW.getTime() - 5 * DAY) },
        { status: 7000, protocolNumber: "P-X", dueDate: new Date(NOW.getTime() - 9 * DAY) },
        { status: 4000, protocolNumber: "P-Y", dueDate: new Date(NOW.getTime() + 9 * DAY) },
      ],
    });
    const { text } = await download(tenant.slug, "?scadute=1&ordina=scadenza&sep=comma", deps());
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]!.startsWith("Protocollo,Richiedente,Codice fiscale,")).toBe(true);
    expect(lines.slice(1, -1).map((l) => l.split(",")[0])).toEqual(["P-1", "P-2"]);
    expect(lines[2]).toContain('P-2,"Verdi, Ada",');
  });

  it("is a 404 for another municipality's staff, for citizens and for unknown municipalities", async () => {
    const a = await setup();
    const b = await setup();
    await createInboxApplications({ tenantId: a.tenant.id, service: a.service, applications: [{ status: 4000, applicantName: "Rossi Maria" }] });

    for (const deps of [a.deps({ getStaff: async () => b.staff }), a.deps({ getStaff: async () => null })]) {
      const { res, text } = await download(a.tenant.slug, "", deps);
      expect(res.status).toBe(404);
      expect(text).not.toContain("Rossi");
    }
    expect((await download("comune-che-non-esiste", "", a.deps())).res.status).toBe(404);
    const prisma = await db();
    expect(await prisma.auditEvent.count({ where: { tenantId: a.tenant.id, action: "applications.export" } })).toBe(0);
  });
});

describe("romeDateTime", () => {
  it("writes Rome's clock, across the changes to and from summer time", () => {
    expect(romeDateTime(new Date("2026-03-29T00:59:00Z"))).toBe("29/03/2026 01:59");
    expect(romeDateTime(new Date("2026-03-29T01:00:00Z"))).toBe("29/03/2026 03:00");
    expect(romeDateTime(new Date("2026-10-25T00:59:00Z"))).toBe("25/10/2026 02:59");
    expect(romeDateTime(new Date("2026-10-25T01:00:00Z"))).toBe("25/10/2026 02:00");
    expect(romeDateTime(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027 00:30");
  });

  it("agrees with Intl's formatting over three years of random instants", () => {
    const intl = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const from = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 2000; i++) {
      const at = new Date(from + Math.floor(Math.random() * 3 * 365 * 86_400_000));
      expect(romeDateTime(at), at.toISOString()).toBe(intl.format(at).replace(", ", " "));
    }
  });
});
