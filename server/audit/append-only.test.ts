import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createTenant } from "@/server/test/factories";

// The audit trail can't be rewritten through the app (nor by any SQL the app could send): the
// database refuses updates and deletes, except when its municipality is deleted as a whole.
describe("audit trail", () => {
  it("refuses updates and deletes of an audit event", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    const event = await prisma.auditEvent.create({ data: { tenantId: tenant.id, actorKind: "STAFF", action: "application.view" } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "nothing" } })).rejects.toThrow(/cannot be changed or deleted/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/cannot be changed or deleted/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "tenantId" = $1`, tenant.id)).rejects.toThrow(/cannot be changed or deleted/);
    expect(await prisma.auditEvent.count({ where: { tenantId: tenant.id } })).toBe(1);
  });

  it("goes with its municipality when the municipality is deleted", async () => {
    const prisma = await db();
    const tenant = await createTenant();
    await prisma.auditEvent.create({ data: { tenantId: tenant.id, actorKind: "SYSTEM", action: "test" } });
    await prisma.tenant.delete({ where: { id: tenant.id } });
    expect(await prisma.auditEvent.count({ where: { tenantId: tenant.id } })).toBe(0);
  });
});
