import { notFound } from "next/navigation";
import { isAppError } from "@/server/errors";
import { getTenantOrThrow, type TTenant } from "@/server/tenant";

// The municipality of a /{tenant}/… page, or the 404 page when there is no such municipality.
export async function getTenantOr404(slug: string): Promise<TTenant> {
  try {
    return await getTenantOrThrow(slug);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
