import { randomUUID } from "node:crypto";
import { db } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";

// Test data of the catalogue (categories, services, groups) for the catalogue and groups tests.
// Every call makes unique slugs, so tests never depend on a global reset.

const unique = () => randomUUID().slice(0, 8);

export async function createCategory(tenantId: string, name: string, position: number) {
  const prisma = await db();
  return prisma.serviceCategory.create({ data: { tenantId, slug: `cat-${unique()}`, name, position } });
}

/** A published service with a complete card, unless `data` says otherwise. */
export async function createService(
  tenantId: string,
  categoryId: string,
  data: Partial<Omit<Prisma.ServiceUncheckedCreateInput, "tenantId" | "categoryId">> & { name: string },
) {
  const prisma = await db();
  return prisma.service.create({
    data: {
      tenantId,
      categoryId,
      slug: `servizio-${unique()}`,
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

/** A group with these services as members, in this order (written directly, no history). */
export async function createGroup(tenantId: string, name: string, serviceIds: string[] = [], data: { description?: string; position?: number } = {}) {
  const prisma = await db();
  const group = await prisma.serviceGroup.create({ data: { tenantId, slug: `gruppo-${unique()}`, name, ...data } });
  for (const [i, id] of serviceIds.entries()) {
    await prisma.service.update({ where: { id }, data: { groupId: group.id, groupPosition: i + 1 } });
  }
  return group;
}
