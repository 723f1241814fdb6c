import { db } from "@/server/db/client";
import type { TSessionIdentity, TViewer } from "./types";

// Turns the identity a session names into the person as the database knows them now. A staff
// session dies at once when its account is disabled or its sessionVersion is bumped.

export async function loadViewer(identity: TSessionIdentity | null | undefined): Promise<TViewer | null> {
  if (!identity) return null;
  const prisma = await db();
  if (identity.kind === "citizen") {
    const citizen = await prisma.citizen.findUnique({ where: { id: identity.citizenId } });
    return citizen ? { kind: "citizen", citizen } : null;
  }
  const staff = await prisma.staffUser.findUnique({
    where: { id: identity.staffUserId },
    omit: { passwordHash: true },
    // A membership disabled by the municipality gives no access there, at once.
    include: { memberships: { where: { disabledAt: null } } },
  });
  if (!staff || staff.disabledAt || staff.sessionVersion !== identity.sessionVersion) return null;
  return { kind: "staff", staff };
}
