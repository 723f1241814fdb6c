import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { hashAccessToken } from "./access-token";

// The "follow your application" page of applicants without a digital identity: the link's token
// is the only credential, looked up by its hash. A wrong token is NOT_FOUND, like any other miss.

export async function getApplicationByAccessToken(input: { tenantId: string; token: string }) {
  const prisma = await db();
  const application = await prisma.application.findFirst({
    where: { tenantId: input.tenantId, accessTokenHash: hashAccessToken(input.token) },
    include: {
      service: { select: { id: true, slug: true, name: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, actorKind: true, reason: true, createdAt: true } },
    },
  });
  if (!application) throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
  return application;
}
