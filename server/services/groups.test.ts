import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { appErrorOf } from "@/server/test/app-error";
import { createStaff, createTenant } from "@/server/test/factories";
import { listCatalogue } from "./catalogue";
import { createCategory, createService } from "./catalogue-testing";
import {
  addGroupMember,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  moveGroup,
  moveGroupMember,
  removeGroupMember,
  setGroupMembers,
  slugFromName,
  updateGroup,
} from "./groups";

// Service groups as the administrator manages them: members in a dense order, one group per
// service, and a "service.group" history line on every service whose group or place changed.

async function scenario(names = ["Iscrizione al nido", "Delega al ritiro", "Rette"]) {
  const tenant = await createTenant();
  const { user } = await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" });
  const cat = await createCategory(tenant.id, "Educazione", 1);
  const services = [];
  for (const name of names) services.push(await createService(tenant.id, cat.id, { name }));
  const who = { tenantId: tenant.id, actor: { id: user.id, role: "TENANT_ADMIN" as const }, ip: "127.0.0.1" };
  return { tenant, user, cat, services, who };
}

/** The "service.group" history of a service, oldest first. */
async function groupHistory(serviceId: string) {
  const rows = await (await db()).serviceChange.findMany({ where: { serviceId, action: "service.group" }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ actorId: r.actorId, actorRole: r.actorRole, changes: r.changes }));
}

const memberNames = async (tenantId: string, groupId: string) => (await getGroup({ tenantId, groupId })).members.map((m) => `${m.position}. ${m.name}`);

describe("service groups", () => {
  it("derives a unique slug from the name and keeps it when the group is renamed", async () => {
    const { tenant, who } = await scenario([]);
    expect(slugFromName("  Asilo nido – 0/3 anni! ")).toBe("asilo-nido-0-3-anni");
    expect(slugFromName("Àéìòù")).toBe("aeiou");
    expect(slugFromName("???")).toBe("gruppo");

    const first = await createGroup({ ...who, name: "Asilo nido", description: "Il nido" });
    const second = await createGroup({ ...who, name: "Asilo  Nido", description: "" });
    expect([first.slug, second.slug]).toEqual(["asilo-nido", "asilo-nido-2"]);
    // Another municipality may use the same slug.
    const elsewhere = await scenario([]);
    expect((await createGroup({ ...elsewhere.who, name: "Asilo nido", description: "" })).slug).toBe("asilo-nido");

    await updateGroup({ ...who, groupId: second.id, name: "Centri estivi", description: "Per l'estate" });
    const [a, b] = await listGroups({ tenantId: tenant.id });
    expect([a!.name, a!.description, b!.name, b!.slug, b!.description]).toEqual(["Asilo nido", "Il nido", "Centri estivi", "asilo-nido-2", "Per l'estate"]);
    expect(b!.position).toBeGreaterThan(a!.position);
    const audit = await (await db()).auditEvent.findMany({ where: { tenantId: tenant.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["serviceGroup.create", "serviceGroup.create", "serviceGroup.update"]);
  });

  it("adds, moves and removes members, positions dense, with a history line on each service that changed", async () => {
    const { tenant, user, services, who } = await scenario();
    const [nido, delega, rette] = services;
    const group = await createGroup({ ...who, name: "Asilo nido", description: "" });
    for (const s of services) await addGroupMember({ ...who, groupId: group.id, serviceId: s.id });
    expect(await memberNames(tenant.id, group.id)).toEqual(["1. Iscrizione al nido", "2. Delega al ritiro", "3. Rette"]);
    expect(await groupHistory(rette!.id)).toEqual([
      {
        actorId: user.id,
        actorRole: "TENANT_ADMIN",
        changes: [
          { field: "group", before: null, after: "Asilo nido" },
          { field: "groupPosition", before: null, after: 3 },
        ],
      },
    ]);

    // Moving the last one up swaps it with its neighbour: two services change place, two lines.
    await moveGroupMember({ ...who, groupId: group.id, serviceId: rette!.id, direction: "up" });
    expect(await memberNames(tenant.id, group.id)).toEqual(["1. Iscrizione al nido", "2. Rette", "3. Delega al ritiro"]);
    expect((await groupHistory(rette!.id)).at(-1)!.changes).toEqual([{ field: "groupPosition", before: 3, after: 2 }]);
    expect((await groupHistory(delega!.id)).at(-1)!.changes).toEqual([{ field: "groupPosition", before: 2, after: 3 }]);
    expect(await groupHistory(nido!.id)).toHaveLength(1);
    // At the top, "up" moves nothing and writes nothing.
    await moveGroupMember({ ...who, groupId: group.id, serviceId: nido!.id, direction: "up" });
    expect(await groupHistory(nido!.id)).toHaveLength(1);

    await removeGroupMember({ ...who, groupId: group.id, serviceId: nido!.id });
    expect(await memberNames(tenant.id, group.id)).toEqual(["1. Rette", "2. Delega al ritiro"]);
    expect((await groupHistory(nido!.id)).at(-1)!.changes).toEqual([
      { field: "group", before: "Asilo nido", after: null },
      { field: "groupPosition", before: 1, after: null },
    ]);
    expect((await groupHistory(rette!.id)).at(-1)!.changes).toEqual([{ field: "groupPosition", before: 2, after: 1 }]);
    // Every change bumps the service's version, like any configuration change.
    const nidoRow = await (await db()).service.findUniqueOrThrow({ where: { id: nido!.id } });
    expect([nidoRow.groupId, nidoRow.version]).toEqual([null, 2]);
    expect((await getGroup({ tenantId: tenant.id, groupId: group.id })).candidates.map((c) => c.name)).toEqual(["Iscrizione al nido"]);

    // setMembers: the whole list in a new order; the one left out leaves the group.
    await setGroupMembers({ ...who, groupId: group.id, serviceIds: [nido!.id, rette!.id] });
    expect(await memberNames(tenant.id, group.id)).toEqual(["1. Iscrizione al nido", "2. Rette"]);
    expect((await groupHistory(delega!.id)).at(-1)!.changes).toEqual([
      { field: "group", before: "Asilo nido", after: null },
      { field: "groupPosition", before: 2, after: null },
    ]);
  });

  it("keeps a service in one group only, and only the municipality's own services", async () => {
    const { tenant, services, who } = await scenario(["Uno", "Due"]);
    const nursery = await createGroup({ ...who, name: "Asilo nido", description: "" });
    const summer = await createGroup({ ...who, name: "Centri estivi", description: "" });
    await addGroupMember({ ...who, groupId: nursery.id, serviceId: services[0]!.id });

    const taken = await appErrorOf(addGroupMember({ ...who, groupId: summer.id, serviceId: services[0]!.id }));
    expect([taken.code, taken.messageKey]).toEqual(["CONFLICT", "serviceGroups.errors.alreadyGrouped"]);
    expect((await appErrorOf(setGroupMembers({ ...who, groupId: summer.id, serviceIds: [services[1]!.id, services[0]!.id] }))).code).toBe("CONFLICT");
    // The refused change left nothing behind (one transaction).
    expect((await getGroup({ tenantId: tenant.id, groupId: summer.id })).members).toEqual([]);
    expect(await groupHistory(services[1]!.id)).toEqual([]);

    const other = await scenario(["Servizio di un altro Comune"]);
    const foreign = await appErrorOf(addGroupMember({ ...who, groupId: summer.id, serviceId: other.services[0]!.id }));
    expect([foreign.code, foreign.messageKey]).toEqual(["NOT_FOUND", "serviceGroups.errors.serviceNotFound"]);
    expect((await appErrorOf(addGroupMember({ ...other.who, groupId: summer.id, serviceId: other.services[0]!.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(getGroup({ tenantId: other.tenant.id, groupId: summer.id }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(removeGroupMember({ ...who, groupId: summer.id, serviceId: services[0]!.id }))).messageKey).toBe("serviceGroups.errors.notAMember");
  });

  it("deletes a group: its services stay, ungrouped, each with its history line", async () => {
    const { tenant, services, who } = await scenario(["Uno", "Due"]);
    const group = await createGroup({ ...who, name: "Da eliminare", description: "" });
    await setGroupMembers({ ...who, groupId: group.id, serviceIds: services.map((s) => s.id) });
    await deleteGroup({ ...who, groupId: group.id });

    expect(await listGroups({ tenantId: tenant.id })).toEqual([]);
    const rows = await (await db()).service.findMany({ where: { id: { in: services.map((s) => s.id) } }, orderBy: { name: "asc" } });
    expect(rows.map((r) => [r.name, r.groupId])).toEqual([
      ["Due", null],
      ["Uno", null],
    ]);
    expect((await groupHistory(services[1]!.id)).at(-1)!.changes).toEqual([
      { field: "group", before: "Da eliminare", after: null },
      { field: "groupPosition", before: 2, after: null },
    ]);
    // Back in the catalogue as single services.
    expect((await listCatalogue({ tenantId: tenant.id })).categories[0]!.services.map((s) => s.name)).toEqual(["Due", "Uno"]);
    expect((await appErrorOf(deleteGroup({ ...who, groupId: group.id }))).code).toBe("NOT_FOUND");
  });

  it("moves groups among the groups, and explains catalogue visibility", async () => {
    const { tenant, services, who } = await scenario(["Pubblicato", "Bozza"]);
    await (await db()).service.update({ where: { id: services[1]!.id }, data: { status: "DRAFT" } });
    const a = await createGroup({ ...who, name: "A", description: "" });
    const b = await createGroup({ ...who, name: "B", description: "" });
    const c = await createGroup({ ...who, name: "C", description: "" });
    await addGroupMember({ ...who, groupId: a.id, serviceId: services[0]!.id });
    await addGroupMember({ ...who, groupId: b.id, serviceId: services[1]!.id });

    await moveGroup({ ...who, groupId: c.id, direction: "up" });
    await moveGroup({ ...who, groupId: a.id, direction: "up" });
    const groups = await listGroups({ tenantId: tenant.id });
    expect(groups.map((g) => [g.name, g.position, g.members.length, g.catalogueVisible])).toEqual([
      ["A", 1, 1, true],
      ["C", 2, 0, false],
      ["B", 3, 1, false],
    ]);
  });

  it("never corrupts positions when administrators edit the same group at once", async () => {
    const names = Array.from({ length: 6 }, (_, i) => `Servizio ${i + 1}`);
    const { tenant, services, who } = await scenario(names);
    const group = await createGroup({ ...who, name: "Affollato", description: "" });
    await Promise.all(services.map((s) => addGroupMember({ ...who, groupId: group.id, serviceId: s.id })));
    await Promise.all([
      ...services.slice(0, 3).map((s) => moveGroupMember({ ...who, groupId: group.id, serviceId: s.id, direction: "down" })),
      removeGroupMember({ ...who, groupId: group.id, serviceId: services[5]!.id }),
    ]);
    const rows = await (await db()).service.findMany({ where: { tenantId: tenant.id, groupId: group.id }, orderBy: { groupPosition: "asc" } });
    expect(rows.map((r) => r.groupPosition)).toEqual([1, 2, 3, 4, 5]);
    // Each service's last history line says where it is now.
    for (const r of rows) {
      const last = (await groupHistory(r.id)).at(-1)!.changes as { field: string; after: unknown }[];
      expect(last.find((c) => c.field === "groupPosition")!.after).toBe(r.groupPosition);
    }
  });
});
