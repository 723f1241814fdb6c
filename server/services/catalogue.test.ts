import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/server/db/generated/client";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { createTenant } from "@/server/test/factories";
import { getServiceCard, listCatalogue, serviceAvailability } from "./catalogue";

const DAY = 86_400_000;
const NOW = new Date("2027-03-01T12:00:00Z");

async function createCategory(tenantId: string, name: string, position: number) {
  const prisma = await db();
  return prisma.serviceCategory.create({ data: { tenantId, slug: `cat-${randomUUID().slice(0, 8)}`, name, position } });
}

async function createService(
  tenantId: string,
  categoryId: string,
  data: Partial<Omit<Prisma.ServiceUncheckedCreateInput, "tenantId" | "categoryId">> & { name: string },
) {
  const prisma = await db();
  return prisma.service.create({
    data: {
      tenantId,
      categoryId,
      slug: `servizio-${randomUUID().slice(0, 8)}`,
      status: "PUBLISHED",
      summary: "Cos'è",
      audience: "Tutti i residenti",
      howTo: "Online",
      cost: "Gratuito",
      maxProcessingDays: 30,
      documentsNeeded: "Nessuno",
      contacts: "urp@example.test",
      privacyNotice: "Informativa",
      ...data,
    },
  });
}

async function expectNotFound(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("NOT_FOUND");
}

describe("catalogue", () => {
  it("groups visible services by category in position order and hides drafts", async () => {
    const tenant = await createTenant();
    const mobility = await createCategory(tenant.id, "Mobilità e trasporti", 3);
    const welfare = await createCategory(tenant.id, "Assistenza e sostegno", 1);
    const onlyDrafts = await createCategory(tenant.id, "Tributi", 2);
    await createService(tenant.id, mobility.id, { name: "Contrassegno disabili" });
    await createService(tenant.id, welfare.id, { name: "Bonus alimentare" });
    await createService(tenant.id, welfare.id, { name: "Assegno di cura", status: "SUSPENDED" });
    await createService(tenant.id, onlyDrafts.id, { name: "Rimborso TARI", status: "DRAFT" });
    await createService(tenant.id, welfare.id, { name: "Bozza segreta", status: "DRAFT" });

    const { categories, total } = await listCatalogue({ tenantId: tenant.id, now: NOW });
    expect(categories.map((c) => [c.name, c.services.map((s) => s.name)])).toEqual([
      ["Assistenza e sostegno", ["Assegno di cura", "Bonus alimentare"]],
      ["Mobilità e trasporti", ["Contrassegno disabili"]],
    ]);
    expect(total).toBe(3);
  });

  it("computes availability from status and opening window", async () => {
    const tenant = await createTenant();
    const cat = await createCategory(tenant.id, "Servizi", 1);
    const opensAt = new Date(NOW.getTime() + 2 * DAY);
    const closesAt = new Date(NOW.getTime() - DAY);
    await createService(tenant.id, cat.id, { name: "A aperto", opensAt: new Date(NOW.getTime() - DAY), closesAt: new Date(NOW.getTime() + DAY) });
    await createService(tenant.id, cat.id, { name: "B non ancora aperto", opensAt });
    await createService(tenant.id, cat.id, { name: "C finestra scaduta", closesAt });
    await createService(tenant.id, cat.id, { name: "D chiuso", status: "CLOSED" });
    await createService(tenant.id, cat.id, { name: "E sospeso", status: "SUSPENDED" });

    const { categories } = await listCatalogue({ tenantId: tenant.id, now: NOW });
    expect(categories[0]!.services.map((s) => [s.name, s.availability])).toEqual([
      ["A aperto", { kind: "open", closesAt: new Date(NOW.getTime() + DAY) }],
      ["B non ancora aperto", { kind: "notYetOpen", opensAt }],
      ["C finestra scaduta", { kind: "closed", closedSince: closesAt }],
      ["D chiuso", { kind: "closed", closedSince: null }],
      ["E sospeso", { kind: "suspended" }],
    ]);
  });

  it("opens exactly at opensAt and closes exactly at closesAt", () => {
    const opensAt = new Date("2027-03-03T08:00:00Z");
    const closesAt = new Date("2027-03-31T16:00:00Z");
    const service = { status: "PUBLISHED" as const, opensAt, closesAt };
    expect(serviceAvailability(service, new Date(opensAt.getTime() - 1)).kind).toBe("notYetOpen");
    expect(serviceAvailability(service, opensAt).kind).toBe("open");
    expect(serviceAvailability(service, new Date(closesAt.getTime() - 1)).kind).toBe("open");
    expect(serviceAvailability(service, closesAt)).toEqual({ kind: "closed", closedSince: closesAt });
  });

  it("searches name, summary and audience ignoring case and accents", async () => {
    const tenant = await createTenant();
    const cat = await createCategory(tenant.id, "Servizi", 1);
    const other = await createCategory(tenant.id, "Altro", 2);
    await createService(tenant.id, cat.id, { name: "Iscrizione al nido d'infanzia" });
    await createService(tenant.id, cat.id, { name: "Bonus alimentare", summary: "Contributo per la spesa" });
    await createService(tenant.id, other.id, { name: "Contrassegno", audience: "Persone con capacità di deambulazione ridotta" });
    await createService(tenant.id, other.id, { name: "Nido estivo", status: "DRAFT" });

    const names = async (query: string) =>
      (await listCatalogue({ tenantId: tenant.id, query, now: NOW })).categories.flatMap((c) => c.services.map((s) => s.name));
    expect(await names("NIDO")).toEqual(["Iscrizione al nido d'infanzia"]);
    expect(await names("spesa")).toEqual(["Bonus alimentare"]);
    expect(await names("capacita")).toEqual(["Contrassegno"]);
    expect(await names("contributo spesa")).toEqual(["Bonus alimentare"]);
    expect(await names("contributo nido")).toEqual([]);
    expect(await names("   ")).toHaveLength(3);
    const none = await listCatalogue({ tenantId: tenant.id, query: "passaporto", now: NOW });
    expect(none).toEqual({ categories: [], total: 0 });
  });

  it("never shows another municipality's services", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const cat = await createCategory(other.id, "Servizi", 1);
    const foreign = await createService(other.id, cat.id, { name: "Servizio di un altro Comune" });

    expect(await listCatalogue({ tenantId: tenant.id, now: NOW })).toEqual({ categories: [], total: 0 });
    await expectNotFound(getServiceCard({ tenantId: tenant.id, slug: foreign.slug, now: NOW }));
    expect((await getServiceCard({ tenantId: other.id, slug: foreign.slug, now: NOW })).name).toBe("Servizio di un altro Comune");
  });

  it("returns the card in the fixed format; drafts and unknown slugs are NOT_FOUND", async () => {
    const tenant = await createTenant();
    const cat = await createCategory(tenant.id, "Educazione e formazione", 1);
    const opensAt = new Date(NOW.getTime() + DAY);
    const service = await createService(tenant.id, cat.id, {
      name: "Iscrizione al nido",
      accessLevel: "SPID_L2",
      maxProcessingDays: 60,
      cost: "Retta in base all'ISEE",
      opensAt,
    });
    const draft = await createService(tenant.id, cat.id, { name: "Bozza", status: "DRAFT" });

    const card = await getServiceCard({ tenantId: tenant.id, slug: service.slug, now: NOW });
    expect(card).toMatchObject({
      name: "Iscrizione al nido",
      accessLevel: "SPID_L2",
      maxProcessingDays: 60,
      cost: "Retta in base all'ISEE",
      category: { name: "Educazione e formazione" },
      availability: { kind: "notYetOpen", opensAt },
    });
    await expectNotFound(getServiceCard({ tenantId: tenant.id, slug: draft.slug, now: NOW }));
    await expectNotFound(getServiceCard({ tenantId: tenant.id, slug: "non-esiste", now: NOW }));
  });
});
