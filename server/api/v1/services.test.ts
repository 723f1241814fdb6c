import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createCategory, createGroup, createService } from "@/server/services/catalogue-testing";
import { createTenant } from "@/server/test/factories";
import { callApiChecked, createTestApiKey } from "../testing";

// GET /services and GET /services/{serviceId} as an external system calls them: every service of
// the key's municipality (drafts too), pages with a cursor, a status filter, one service by id or
// slug with its published form; another municipality's service does not exist; the key needs
// services:read. Every answer is checked against the OpenAPI document.

let tenant: Awaited<ReturnType<typeof createTenant>>;
let key: string;
const s: Record<"published" | "draft" | "closed" | "grouped", { id: string; slug: string; name: string }> = {} as never;
let otherService: { id: string; slug: string };
let groupSlug: string;

const FORM = { pages: [{ id: "p1", title: "Dati", fields: [{ id: "nome", type: "text", label: "Nome", required: true }] }] };

beforeAll(async () => {
  tenant = await createTenant();
  key = (await createTestApiKey(tenant.id, ["services:read"])).key;
  const category = await createCategory(tenant.id, "Scuola", 1);
  s.published = await createService(tenant.id, category.id, { name: "Mensa scolastica", summary: "Iscrizione alla mensa", maxProcessingDays: 20, accessLevel: "SPID_L2" });
  s.draft = await createService(tenant.id, category.id, { name: "Bozza trasporto", status: "DRAFT" });
  s.closed = await createService(tenant.id, category.id, { name: "Centro estivo 2024", status: "CLOSED" });
  s.grouped = await createService(tenant.id, category.id, { name: "Asilo nido: iscrizione" });
  groupSlug = (await createGroup(tenant.id, "Asilo nido", [s.grouped.id])).slug;

  const prisma = await db();
  // Two published versions and a draft: the API shows the current published one (2).
  await prisma.formVersion.create({ data: { tenantId: tenant.id, serviceId: s.published.id, version: 1, schema: { pages: [] }, publishedAt: new Date("2025-01-01") } });
  const v2 = await prisma.formVersion.create({ data: { tenantId: tenant.id, serviceId: s.published.id, version: 2, schema: FORM, publishedAt: new Date("2025-02-01") } });
  await prisma.formVersion.create({ data: { tenantId: tenant.id, serviceId: s.published.id, version: 3, schema: { pages: ["bozza"] } } });
  await prisma.service.update({ where: { id: s.published.id }, data: { currentFormVersionId: v2.id } });

  const other = await createTenant();
  const otherCategory = await createCategory(other.id, "Altro", 1);
  otherService = await createService(other.id, otherCategory.id, { name: "Servizio di un altro comune" });
});

describe("GET /services", () => {
  it("lists every service of the municipality, drafts included, with card, category, group and form version", async () => {
    const { status, body } = await callApiChecked("GET", "/services", { key });
    expect(status).toBe(200);
    expect(body.items.map((i: { name: string }) => i.name).sort()).toEqual(["Asilo nido: iscrizione", "Bozza trasporto", "Centro estivo 2024", "Mensa scolastica"]);
    expect(body.nextCursor).toBeNull();
    const mensa = body.items.find((i: { id: string }) => i.id === s.published.id);
    expect(mensa).toMatchObject({
      slug: s.published.slug,
      status: "PUBLISHED",
      acceptingApplications: true,
      summary: "Iscrizione alla mensa",
      audience: "Tutti i residenti",
      category: { name: "Scuola" },
      group: null,
      accessLevel: "SPID_L2",
      maxProcessingDays: 20,
      publishedFormVersion: 2,
      links: { self: `/api/v1/services/${s.published.id}`, card: expect.stringMatching(new RegExp(`/${tenant.slug}/servizi/${s.published.slug}$`)) },
    });
    expect(body.items.find((i: { id: string }) => i.id === s.draft.id)).toMatchObject({ status: "DRAFT", acceptingApplications: false, publishedFormVersion: null, links: { card: null } });
    expect(body.items.find((i: { id: string }) => i.id === s.grouped.id).group).toMatchObject({ slug: groupSlug, name: "Asilo nido" });
    expect(JSON.stringify(body)).not.toContain(otherService.id);
  });

  it("pages with limit and nextCursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/services?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const { status, body } = await callApiChecked("GET", path, { key });
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);

    const bad = await callApiChecked("GET", "/services?cursor=%%%", { key });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe("/query/cursor");
    const tooMany = await callApiChecked("GET", "/services?limit=1000", { key });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].pointer).toBe("/query/limit");
  });

  it("filters by status", async () => {
    const closed = await callApiChecked("GET", "/services?status=CLOSED", { key });
    expect(closed.body.items.map((i: { id: string }) => i.id)).toEqual([s.closed.id]);
    const published = await callApiChecked("GET", "/services?status=PUBLISHED", { key });
    expect(published.body.items.map((i: { id: string }) => i.id).sort()).toEqual([s.published.id, s.grouped.id].sort());
    const wrong = await callApiChecked("GET", "/services?status=OPEN", { key });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].pointer).toBe("/query/status");
  });
});

describe("GET /services/{serviceId}", () => {
  it("returns a service by id or by slug with its published form", async () => {
    const byId = await callApiChecked("GET", `/services/${s.published.id}`, { key });
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({ id: s.published.id, name: "Mensa scolastica", publishedFormVersion: 2, form: { version: 2, schema: FORM } });
    const bySlug = await callApiChecked("GET", `/services/${s.published.slug}`, { key });
    expect(bySlug.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
  });

  it("answers form null for a service without a published form", async () => {
    const { status, body } = await callApiChecked("GET", `/services/${s.draft.slug}`, { key });
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: s.draft.id, status: "DRAFT", form: null, publishedFormVersion: null });
  });

  it("answers 404 for another municipality's service, by id or slug, and for an unknown one", async () => {
    for (const ref of [otherService.id, otherService.slug, "non-esiste"]) {
      const { status, body } = await callApiChecked("GET", `/services/${ref}`, { key });
      expect(status).toBe(404);
      expect(body.type).toBe("/api/v1/problems/not-found");
      expect(JSON.stringify(body)).not.toContain("Servizio di un altro comune");
    }
  });
});

describe("services access", () => {
  it("answers 403 to a key without services:read and 401 without a key", async () => {
    const narrow = (await createTestApiKey(tenant.id, ["applications:read"])).key;
    for (const path of ["/services", `/services/${s.published.id}`]) {
      const forbidden = await callApiChecked("GET", path, { key: narrow });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.type).toBe("/api/v1/problems/forbidden");
      const anonymous = await callApiChecked("GET", path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.type).toBe("/api/v1/problems/unauthenticated");
    }
  });
});
