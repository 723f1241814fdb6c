import { beforeAll, describe, expect, it } from "vitest";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { callerFor, staffViewer, trpcError } from "@/server/test/trpc";
import { errorData } from "./errors";

// The access ladder through real procedures: staff of one municipality cannot read another's
// back office; citizens and anonymous visitors cannot read any.

describe("tRPC access ladder", () => {
  let tenantA: Awaited<ReturnType<typeof createTenant>>;
  let tenantB: Awaited<ReturnType<typeof createTenant>>;
  let operatorA: Awaited<ReturnType<typeof createStaff>>["user"];
  let adminA: Awaited<ReturnType<typeof createStaff>>["user"];
  let adminB: Awaited<ReturnType<typeof createStaff>>["user"];

  beforeAll(async () => {
    tenantA = await createTenant();
    tenantB = await createTenant();
    operatorA = (await createStaff({ tenantId: tenantA.id, role: "OPERATOR" })).user;
    adminA = (await createStaff({ tenantId: tenantA.id, role: "TENANT_ADMIN" })).user;
    adminB = (await createStaff({ tenantId: tenantB.id, role: "TENANT_ADMIN" })).user;
  });

  it("gives staff their own municipality's overview", async () => {
    const overview = await (await callerFor(await staffViewer(operatorA.id), tenantA.slug)).backoffice.overview();
    expect(overview.tenant).toEqual({ slug: tenantA.slug, name: tenantA.name });
    expect(overview.role).toBe("OPERATOR");
    expect(overview.staff.map((s) => s.email).sort()).toEqual([operatorA.email, adminA.email].sort());
    expect(overview.staff.find((s) => s.email === adminA.email)?.role).toBe("TENANT_ADMIN");
    expect(JSON.stringify(overview)).not.toContain(adminB.email);
  });

  it("answers NOT_FOUND to staff of another municipality, even its administrator", async () => {
    const e = await trpcError((await callerFor(await staffViewer(adminB.id), tenantA.slug)).backoffice.overview());
    expect(e.code).toBe("NOT_FOUND");
    expect(errorData(e).messageKey).toBe("errors.notFound");
  });

  it("answers FORBIDDEN to a citizen and UNAUTHORIZED to anonymous visitors", async () => {
    const citizen = await createCitizen();
    const asCitizen = await trpcError((await callerFor({ kind: "citizen", citizen }, tenantA.slug)).backoffice.overview());
    expect(asCitizen.code).toBe("FORBIDDEN");
    const anonymous = await trpcError((await callerFor(null, tenantA.slug)).backoffice.overview());
    expect(anonymous.code).toBe("UNAUTHORIZED");
  });

  it("answers NOT_FOUND for an unknown or missing municipality", async () => {
    const viewer = await staffViewer(operatorA.id);
    const unknown = await trpcError((await callerFor(viewer, "comune-inesistente")).backoffice.overview());
    expect(unknown.code).toBe("NOT_FOUND");
    expect(errorData(unknown).messageKey).toBe("errors.tenantNotFound");
    expect((await trpcError((await callerFor(viewer, null)).backoffice.overview())).code).toBe("NOT_FOUND");
  });

  it("lets a super-admin see any municipality's overview", async () => {
    const { user } = await createStaff({ isSuperAdmin: true });
    const overview = await (await callerFor(await staffViewer(user.id), tenantB.slug)).backoffice.overview();
    expect(overview.role).toBe("SUPER_ADMIN");
    expect(overview.staff.map((s) => s.email)).toEqual([adminB.email]);
  });

  it("me.get describes the viewer as this municipality sees them", async () => {
    expect(await (await callerFor(null, tenantA.slug)).me.get()).toBeNull();
    expect(await (await callerFor(await staffViewer(adminB.id), tenantA.slug)).me.get()).toMatchObject({ kind: "staff", role: null });
    expect(await (await callerFor(await staffViewer(adminB.id), tenantB.slug)).me.get()).toMatchObject({ kind: "staff", role: "TENANT_ADMIN" });
    const citizen = await createCitizen();
    expect(await (await callerFor({ kind: "citizen", citizen }, tenantA.slug)).me.get()).toMatchObject({ kind: "citizen", fiscalCode: citizen.fiscalCode });
  });
});
