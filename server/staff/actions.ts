"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/server/auth/client-ip";
import { isAppError } from "@/server/errors";
import { unsafeFindTenantBySlug } from "@/server/tenant";
import { acceptStaffInvitation } from "./invitations";
import { staffSignInPath } from "./urls";

// The invitation page's form (works without JavaScript): sets the password, then the sign-in
// page with its "password set" notice.

export type TSetPasswordState =
  | { status: "error"; fields: { password?: string; confirm?: string } }
  /** The link stopped working (used in another tab, expired, replaced, access disabled). */
  | { status: "invalid" }
  | null;

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function setStaffPasswordAction(_prev: TSetPasswordState, formData: FormData): Promise<TSetPasswordState> {
  const tenant = await unsafeFindTenantBySlug(text(formData.get("tenantSlug")));
  if (!tenant) return { status: "invalid" };
  try {
    await acceptStaffInvitation({
      tenantId: tenant.id,
      token: text(formData.get("token")),
      password: text(formData.get("password")),
      confirm: text(formData.get("confirm")),
      ip: clientIp(await headers()),
    });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return { status: "invalid" };
    if (isAppError(e) && e.fields) return { status: "error", fields: e.fields };
    throw e;
  }
  redirect(staffSignInPath(tenant.slug, { passwordSet: true }));
}
