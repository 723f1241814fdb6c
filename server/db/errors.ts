import { Prisma } from "@/server/db/generated/client";

/** A write refused by a unique index (Prisma P2002): two requests raced for the same key. */
export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
