"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { requireStaff } from "@/server/auth/session";
import type { TLocale } from "@/server/i18n/config";
import { sendTestEmail } from "@/server/settings/send-test-email";

export type TTestEmailState = { status: "idle" | "queued"; to?: string };

// POST (server action) /{tenant}/backoffice/impostazioni — queue a test email to the administrator.
export async function sendTestEmailAction(_prev: TTestEmailState, formData: FormData): Promise<TTestEmailState> {
  const slug = String(formData.get("tenant") ?? "");
  const { staff, tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  await sendTestEmail({ tenantId: tenant.id, staff, locale: (await getLocale()) as TLocale });
  revalidatePath(`/${slug}/backoffice/impostazioni`);
  return { status: "queued", to: staff.email };
}
