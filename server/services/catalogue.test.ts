import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { createTenant } from "@/server/test/factories";
import { getCatalogueGroup, getServiceCard, listCatalogue, serviceAvailability } from "./catalogue";
import { createCategory, createGroup, createService } from "./catalogue-testing";

const DAY = 86_400_000;
const NOW = new Date("2027-03-01T12:00:00Z");

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

describe("service groups in the catalogue", () => {
  const entries = (categories: Awaited<ReturnType<typeof listCatalogue>>["categories"]) =>
    categories.map((c) => [c.name, c.groups.map((g) => [g.name, g.services.map((s) => s.name)]), c.services.map((s) => s.name)]);

  it("shows a group once, in its first visible member's category, with its non-draft members in order", async () => {
    const tenant = await createTenant();
    const school = await createCategory(tenant.id, "Educazione e formazione", 1);
    const welfare = await createCategory(tenant.id, "Assistenza e sostegno", 2);
    const opensAt = new Date(NOW.getTime() + 2 * DAY);
    const draft = await createService(tenant.id, welfare.id, { name: "Rette (bozza)", status: "DRAFT" });
    const enrolment = await createService(tenant.id, school.id, { name: "Iscrizione al nido" });
    const delegation = await createService(tenant.id, welfare.id, { name: "Delega al ritiro", status: "SCHEDULED", opensAt });
    const closed = await createService(tenant.id, welfare.id, { name: "Agevolazioni", status: "CLOSED" });
    await createService(tenant.id, school.id, { name: "Mensa scolastica" });
    await createService(tenant.id, school.id, { name: "Borse di studio" });
    await createGroup(tenant.id, "Asilo nido", [draft.id, enrolment.id, delegation.id, closed.id], { description: "Il nido d'infanzia" });

    const { categories, total } = await listCatalogue({ tenantId: tenant.id, now: NOW });
    // The draft first member does not count: the group sits in the enrolment's category, before
    // the ungrouped services (by name); its members are not listed again on their own.
    expect(entries(categories)).toEqual([
      ["Educazione e formazione", [["Asilo nido", ["Iscrizione al nido", "Delega al ritiro", "Agevolazioni"]]], ["Borse di studio", "Mensa scolastica"]],
    ]);
    expect(total).toBe(3);
    const group = categories[0]!.groups[0]!;
    expect(group.description).toBe("Il nido d'infanzia");
    expect(group.services.map((s) => s.availability)).toEqual([
      { kind: "open", closesAt: null },
      { kind: "notYetOpen", opensAt },
      { kind: "closed", closedSince: null },
    ]);
    expect(await getCatalogueGroup({ tenantId: tenant.id, slug: group.slug, now: NOW })).toEqual(group);
    expect((await getServiceCard({ tenantId: tenant.id, slug: delegation.slug, now: NOW })).group).toEqual({ slug: group.slug, name: "Asilo nido" });
  });

  it("hides a group with no published member, and its members with it", async () => {
    const tenant = await createTenant();
    const cat = await createCategory(tenant.id, "Servizi", 1);
    const scheduled = await createService(tenant.id, cat.id, { name: "Programmato", status: "SCHEDULED", opensAt: new Date(NOW.getTime() + DAY) });
    const members = [
      scheduled,
      await createService(tenant.id, cat.id, { name: "Sospeso", status: "SUSPENDED" }),
      await createService(tenant.id, cat.id, { name: "Chiuso", status: "CLOSED" }),
      await createService(tenant.id, cat.id, { name: "Bozza", status: "DRAFT" }),
    ];
    const hidden = await createGroup(tenant.id, "Gruppo nascosto", members.map((m) => m.id));
    await createService(tenant.id, cat.id, { name: "Singolo" });

    const { categories, total } = await listCatalogue({ tenantId: tenant.id, now: NOW });
    expect(entries(categories)).toEqual([["Servizi", [], ["Singolo"]]]);
    expect(total).toBe(1);
    expect(await listCatalogue({ tenantId: tenant.id, query: "nascosto", now: NOW })).toEqual({ categories: [], total: 0 });
    await expectNotFound(getCatalogueGroup({ tenantId: tenant.id, slug: hidden.slug, now: NOW }));
    // A member's own card still answers its address, without pointing at the hidden group.
    expect((await getServiceCard({ tenantId: tenant.id, slug: scheduled.slug, now: NOW })).group).toBeNull();

    // Publishing one member brings the whole group (but not its draft) into the catalogue.
    await (await db()).service.update({ where: { id: members[1]!.id }, data: { status: "PUBLISHED" } });
    expect(entries((await listCatalogue({ tenantId: tenant.id, now: NOW })).categories)).toEqual([
      ["Servizi", [["Gruppo nascosto", ["Programmato", "Sospeso", "Chiuso"]]], ["Singolo"]],
    ]);
  });

  it("finds a group by its name, its description or one of its members, and shows all its members", async () => {
    const tenant = await createTenant();
    const cat = await createCategory(tenant.id, "Servizi", 1);
    const enrolment = await createService(tenant.id, cat.id, { name: "Iscrizione", summary: "Domanda di ammissione" });
    const meals = await createService(tenant.id, cat.id, { name: "Mensa", audience: "Bambini già iscritti" });
    await createGroup(tenant.id, "Asilo nido", [enrolment.id, meals.id], { description: "Servizi per la prima infanzia" });
    await createService(tenant.id, cat.id, { name: "Bonus alimentare" });

    const found = async (query: string) =>
      (await listCatalogue({ tenantId: tenant.id, query, now: NOW })).categories.flatMap((c) => [
        ...c.groups.map((g) => `${g.name}: ${g.services.map((s) => s.name).join(", ")}`),
        ...c.services.map((s) => s.name),
      ]);
    expect(await found("ASILO")).toEqual(["Asilo nido: Iscrizione, Mensa"]);
    expect(await found("infanzia")).toEqual(["Asilo nido: Iscrizione, Mensa"]);
    expect(await found("ammissione")).toEqual(["Asilo nido: Iscrizione, Mensa"]);
    expect(await found("gia iscritti")).toEqual(["Asilo nido: Iscrizione, Mensa"]);
    // A group word with a member word; but not words gathered from two different members.
    expect(await found("nido mensa")).toEqual(["Asilo nido: Iscrizione, Mensa"]);
    expect(await found("ammissione mensa")).toEqual([]);
    expect(await found("bonus")).toEqual(["Bonus alimentare"]);
    expect((await listCatalogue({ tenantId: tenant.id, query: "nido", now: NOW })).total).toBe(1);
  });

  it("orders the groups of a category as the administrator set them and never shows another municipality's", async () => {
    const tenant = await createTenant();
    const other = await createTenant();
    const cat = await createCategory(tenant.id, "Servizi", 1);
    const a = await createService(tenant.id, cat.id, { name: "A" });
    const b = await createService(tenant.id, cat.id, { name: "B" });
    await createGroup(tenant.id, "Primo per nome", [a.id], { position: 2 });
    const second = await createGroup(tenant.id, "Secondo per nome", [b.id], { position: 1 });
    expect((await listCatalogue({ tenantId: tenant.id, now: NOW })).categories[0]!.groups.map((g) => g.name)).toEqual(["Secondo per nome", "Primo per nome"]);
    await expectNotFound(getCatalogueGroup({ tenantId: other.id, slug: second.slug, now: NOW }));
  });
});
