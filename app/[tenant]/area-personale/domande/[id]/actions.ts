"use server";

import { revalidatePath } from "next/cache";
import { requireCitizen } from "@/server/auth/session";
import { withdrawApplication } from "@/server/area/withdraw";
import { isAppError } from "@/server/errors";

export type TWithdrawState =
  | { status: "idle" | "done" }
  | { status: "error"; messageKey: string; /** The application changed meanwhile: the page shows it anew. */ conflict: boolean; reasonError?: string };

// POST (server action) /{tenant}/area-personale/domande/{id} — the citizen withdraws the
// application. The page is re-rendered after success and after a conflict, so the status,
// the timeline and the offered actions are the current ones.
export async function withdrawApplicationAction(_prev: TWithdrawState, formData: FormData): Promise<TWithdrawState> {
  const slug = String(formData.get("tenant") ?? "");
  const applicationId = String(formData.get("applicationId") ?? "");
  const expectedVersion = Number(formData.get("expectedVersion"));
  const reason = String(formData.get("reason") ?? "");
  const { citizen, tenant } = await requireCitizen(slug, `/${slug}/area-personale/domande/${applicationId}`);
  const page = `/${tenant.slug}/area-personale/domande/${applicationId}`;
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) return { status: "error", messageKey: "errors.badRequest", conflict: false };
  try {
    await withdrawApplication({ tenantId: tenant.id, citizenId: citizen.id, applicationId, expectedVersion, reason });
  } catch (e) {
    if (!isAppError(e)) throw e;
    const conflict = e.code === "CONFLICT";
    if (conflict) revalidatePath(page);
    return { status: "error", messageKey: e.messageKey, conflict, reasonError: e.fields?.reason };
  }
  revalidatePath(page);
  return { status: "done" };
}
