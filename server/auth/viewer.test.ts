import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { loadViewer } from "./viewer";

// A session names a person; whether it still works is the database's call, at every use.
describe("loadViewer", () => {
  it("loads the staff member named by a live session, without the password hash", async () => {
    const tenant = await createTenant();
    const { user } = await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" });
    const viewer = await loadViewer({ kind: "staff", staffUserId: user.id, name: user.name, email: user.email, sessionVersion: 0 });
    expect(viewer?.kind).toBe("staff");
    if (viewer?.kind !== "staff") return;
    expect(viewer.staff.memberships).toEqual([expect.objectContaining({ tenantId: tenant.id, role: "TENANT_ADMIN" })]);
    expect(viewer.staff).not.toHaveProperty("passwordHash");
  });

  it("ends staff sessions at once when the account is disabled or its sessionVersion bumped", async () => {
    const prisma = await db();
    const { user } = await createStaff({});
    const identity = { kind: "staff" as const, staffUserId: user.id, name: user.name, email: user.email, sessionVersion: 0 };

    await prisma.staffUser.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadViewer(identity)).toBeNull();
    expect(await loadViewer({ ...identity, sessionVersion: 1 })).not.toBeNull();

    await prisma.staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await loadViewer({ ...identity, sessionVersion: 1 })).toBeNull();
  });

  it("loads citizens, and nobody for a session of a deleted citizen or no session", async () => {
    const citizen = await createCitizen();
    const identity = { kind: "citizen" as const, citizenId: citizen.id, fiscalCode: citizen.fiscalCode, name: "x" };
    expect(await loadViewer(identity)).toEqual({ kind: "citizen", citizen });
    await (await db()).citizen.delete({ where: { id: citizen.id } });
    expect(await loadViewer(identity)).toBeNull();
    expect(await loadViewer(null)).toBeNull();
  });
});
