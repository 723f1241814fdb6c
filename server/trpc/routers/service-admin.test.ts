import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createServiceAdminScenario } from "@/server/services/testing";
import { staffCaller, trpcOutcome, type TTestCaller as TCaller } from "@/server/test/trpc";

// Who may call which serviceAdmin procedure: operators never (NOT_FOUND, as if there were
// nothing), service managers on the services they manage for the card, dates and lifecycle
// (FORBIDDEN elsewhere and for administrators' actions, with the reason), administrators and
// super-admins everything, another municipality's administrator NOT_FOUND.

async function versionOf(serviceId: string) {
  return (await (await db()).service.findUniqueOrThrow({ where: { id: serviceId } })).version;
}

type TScenario = Awaited<ReturnType<typeof createServiceAdminScenario>>;

/** Every procedure, called on the scenario's service; mutations read the current version first. */
function procedures(s: TScenario, api: TCaller): Record<string, () => Promise<unknown>> {
  const id = s.service.id;
  const v = () => versionOf(id);
  return {
    list: () => api.serviceAdmin.list(),
    get: () => api.serviceAdmin.get({ serviceId: id }),
    categories: () => api.serviceAdmin.categories(),
    staff: () => api.serviceAdmin.staff(),
    history: () => api.serviceAdmin.history({ serviceId: id }),
    updateCard: async () => api.serviceAdmin.update({ serviceId: id, expectedVersion: await v(), values: { howTo: `Come fare ${Math.random()}` } }),
    updateAccessLevel: async () => api.serviceAdmin.update({ serviceId: id, expectedVersion: await v(), values: { accessLevel: "SPID_L3" } }),
    setDates: async () => api.serviceAdmin.setDates({ serviceId: id, expectedVersion: await v(), opensAt: "2020-01-01T09:00", closesAt: "" }),
    changeStatus: async () => api.serviceAdmin.changeStatus({ serviceId: id, expectedVersion: await v(), action: "suspend" }),
    setOperators: async () => api.serviceAdmin.setOperators({ serviceId: id, expectedVersion: await v(), staffIds: [s.users.manager.id] }),
    create: () => api.serviceAdmin.create({ name: "Bonus affitto", categoryId: s.service.categoryId, accessLevel: "SPID_L2", maxProcessingDays: 30, summary: "Un contributo" }),
    duplicate: () => api.serviceAdmin.duplicate({ serviceId: id, name: `Copia ${Math.random()}` }),
    delete: async () => api.serviceAdmin.delete({ serviceId: id, expectedVersion: await v() }),
  };
}

/** Runs every procedure once (in order: the lifecycle one last but delete, which can't succeed on a published service). */
async function matrix(s: TScenario, staffUserId: string, tenantSlug = s.tenant.slug): Promise<Record<string, string>> {
  const api = await staffCaller(staffUserId, tenantSlug);
  const result: Record<string, string> = {};
  for (const [name, call] of Object.entries(procedures(s, api))) result[name] = await trpcOutcome(call());
  return result;
}

describe("serviceAdmin router: who may do what", () => {
  it("hides everything from operators, even on a service they handle", async () => {
    const s = await createServiceAdminScenario();
    const r = await matrix(s, s.users.operator.id);
    expect(new Set(Object.values(r))).toEqual(new Set(["NOT_FOUND"]));
  });

  it("hides everything from another municipality's administrator", async () => {
    const s = await createServiceAdminScenario();
    const r = await matrix(s, s.users.stranger.id);
    expect(new Set(Object.values(r))).toEqual(new Set(["NOT_FOUND"]));
    // Their own municipality's address doesn't reach this service either.
    const api = await staffCaller(s.users.stranger.id, s.other.slug);
    expect(await trpcOutcome(api.serviceAdmin.get({ serviceId: s.service.id }))).toBe("NOT_FOUND");
    expect((await api.serviceAdmin.list()).services).toEqual([]);
  });

  it("lets the service's manager edit card, dates and lifecycle, and nothing of the administrators'", async () => {
    const s = await createServiceAdminScenario();
    expect(await matrix(s, s.users.manager.id)).toEqual({
      list: "OK",
      get: "OK",
      categories: "OK",
      staff: "NOT_FOUND",
      history: "OK",
      updateCard: "OK",
      updateAccessLevel: "FORBIDDEN",
      setDates: "OK",
      changeStatus: "OK",
      setOperators: "FORBIDDEN",
      create: "FORBIDDEN",
      duplicate: "FORBIDDEN",
      delete: "FORBIDDEN",
    });
    const api = await staffCaller(s.users.manager.id, s.tenant.slug);
    const detail = await api.serviceAdmin.get({ serviceId: s.service.id });
    expect(detail.permissions).toMatchObject({ manages: true, editCard: true, editSettings: false, editOperators: false, duplicate: false });
    expect((await api.serviceAdmin.list()).permissions.create).toBe(false);
  });

  it("lets another service's manager read but change nothing, saying why", async () => {
    const s = await createServiceAdminScenario();
    expect(await matrix(s, s.users.otherManager.id)).toEqual({
      list: "OK",
      get: "OK",
      categories: "OK",
      staff: "NOT_FOUND",
      history: "OK",
      updateCard: "FORBIDDEN",
      updateAccessLevel: "FORBIDDEN",
      setDates: "FORBIDDEN",
      changeStatus: "FORBIDDEN",
      setOperators: "FORBIDDEN",
      create: "FORBIDDEN",
      duplicate: "FORBIDDEN",
      delete: "FORBIDDEN",
    });
    const api = await staffCaller(s.users.otherManager.id, s.tenant.slug);
    const e = await api.serviceAdmin
      .update({ serviceId: s.service.id, expectedVersion: await versionOf(s.service.id), values: { cost: "10 euro" } })
      .catch((err: unknown) => err as TRPCError);
    expect((e as TRPCError).message).toBe("serviceAdmin.errors.notYourService");
    const detail = await api.serviceAdmin.get({ serviceId: s.service.id });
    expect(detail.permissions).toMatchObject({ manages: false, editCard: false, changeStatus: false });
    expect(detail.statusActions).toEqual([]);
  });

  it("lets administrators and super-admins do everything", async () => {
    for (const who of ["admin", "superAdmin"] as const) {
      const s = await createServiceAdminScenario();
      const r = await matrix(s, s.users[who].id);
      // delete: the service is published, so it's refused for that reason (CONFLICT), not for the role.
      expect(r).toEqual({
        list: "OK",
        get: "OK",
        categories: "OK",
        staff: "OK",
        history: "OK",
        updateCard: "OK",
        updateAccessLevel: "OK",
        setDates: "OK",
        changeStatus: "OK",
        setOperators: "OK",
        create: "OK",
        duplicate: "OK",
        delete: "CONFLICT",
      });
    }
  });
});
