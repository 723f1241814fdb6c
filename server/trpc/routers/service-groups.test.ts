import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { StaffRole } from "@/server/db/generated/client";
import { createCategory, createService } from "@/server/services/catalogue-testing";
import { createStaff, createTenant } from "@/server/test/factories";
import { staffCaller, trpcOutcome, type TTestCaller as TCaller } from "@/server/test/trpc";
import { errorData } from "../errors";

// Who may do what with service groups: the administrator everything, functionaries read,
// operators and other municipalities' staff nothing (NOT_FOUND, as if there were no groups).

async function setup() {
  const tenant = await createTenant();
  const cat = await createCategory(tenant.id, "Servizi", 1);
  const services = [await createService(tenant.id, cat.id, { name: "Uno" }), await createService(tenant.id, cat.id, { name: "Due" })];
  const as = async (role: StaffRole, tenantId = tenant.id) => staffCaller((await createStaff({ tenantId, role })).user.id, tenant.slug);
  return { tenant, services, as };
}

/** Every procedure once, against a fresh group of the municipality; the code each call ended with. */
async function tryEverything(caller: TCaller, admin: TCaller, services: { id: string }[]) {
  const fresh = async () => {
    const { id } = await admin.serviceGroups.create({ name: "Gruppo", description: "" });
    await admin.serviceGroups.addMember({ groupId: id, serviceId: services[0]!.id });
    return id;
  };
  const release = async (groupId: string) => admin.serviceGroups.delete({ groupId }).catch(() => undefined);
  const calls: Record<string, (groupId: string) => Promise<unknown>> = {
    list: () => caller.serviceGroups.list(),
    get: (groupId) => caller.serviceGroups.get({ groupId }),
    create: async () => {
      const created = await caller.serviceGroups.create({ name: "Nuovo", description: "" });
      await release(created.id);
    },
    update: (groupId) => caller.serviceGroups.update({ groupId, name: "Rinominato", description: "Descrizione" }),
    move: (groupId) => caller.serviceGroups.move({ groupId, direction: "up" }),
    setMembers: (groupId) => caller.serviceGroups.setMembers({ groupId, serviceIds: [services[0]!.id, services[1]!.id] }),
    addMember: (groupId) => caller.serviceGroups.addMember({ groupId, serviceId: services[1]!.id }),
    moveMember: (groupId) => caller.serviceGroups.moveMember({ groupId, serviceId: services[0]!.id, direction: "down" }),
    removeMember: (groupId) => caller.serviceGroups.removeMember({ groupId, serviceId: services[0]!.id }),
    delete: (groupId) => caller.serviceGroups.delete({ groupId }),
  };
  const codes: Record<string, string> = {};
  for (const [name, call] of Object.entries(calls)) {
    const groupId = await fresh();
    codes[name] = await trpcOutcome(call(groupId));
    await release(groupId);
  }
  return codes;
}

const everything = (code: string, readCode = code) => ({
  list: readCode,
  get: readCode,
  create: code,
  update: code,
  move: code,
  setMembers: code,
  addMember: code,
  moveMember: code,
  removeMember: code,
  delete: code,
});

describe("serviceGroups router", () => {
  it("lets the administrator do everything, functionaries read, and nobody else anything", async () => {
    const { tenant, services, as } = await setup();
    const admin = await as("TENANT_ADMIN");
    expect(await tryEverything(admin, admin, services)).toEqual(everything("OK"));
    expect(await tryEverything(await as("SERVICE_MANAGER"), admin, services)).toEqual(everything("NOT_FOUND", "OK"));
    expect(await tryEverything(await as("OPERATOR"), admin, services)).toEqual(everything("NOT_FOUND"));
    const stranger = await as("TENANT_ADMIN", (await createTenant()).id);
    expect(await tryEverything(stranger, admin, services)).toEqual(everything("NOT_FOUND"));
    const superAdmin = await staffCaller((await createStaff({ isSuperAdmin: true })).user.id, tenant.slug);
    expect(await tryEverything(superAdmin, admin, services)).toEqual(everything("OK"));
  });

  it("returns field errors as message keys and the group as the page needs it", async () => {
    const { services, as } = await setup();
    const admin = await as("TENANT_ADMIN");
    const e = await admin.serviceGroups.create({ name: "   ", description: "" }).catch((err: unknown) => err as TRPCError);
    expect((e as TRPCError).code).toBe("BAD_REQUEST");
    expect(errorData(e as TRPCError).fields).toEqual({ name: "serviceGroups.errors.nameRequired" });
    const { id, slug } = await admin.serviceGroups.create({ name: "Asilo nido", description: "Il nido" });
    expect(slug).toBe("asilo-nido");
    await admin.serviceGroups.setMembers({ groupId: id, serviceIds: [services[1]!.id, services[0]!.id] });
    const group = await (await as("SERVICE_MANAGER")).serviceGroups.get({ groupId: id });
    expect(group).toMatchObject({ name: "Asilo nido", description: "Il nido", catalogueVisible: true, candidates: [] });
    expect(group.members.map((m) => [m.position, m.name])).toEqual([
      [1, "Due"],
      [2, "Uno"],
    ]);
  });
});
