"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { unsafeFindTenantBySlug } from "@/server/tenant";
import { signIn, signOut } from "./index";
import { safeCallbackPath } from "./session";
import { StaffSignInError, ZStaffCredentialsSchema } from "./staff-provider";

// Server actions behind the sign-in and sign-out forms (they work without JavaScript).

export type TStaffSignInState = {
  /** i18n key, e.g. "auth.staff.errors.invalidCredentials". */
  error: string;
  values?: { minutes: number };
  /** What the person typed, so the form can keep it after React resets it. */
  email?: string;
} | null;

async function knownTenantSlug(value: unknown): Promise<string | null> {
  if (typeof value !== "string") return null;
  const tenant = await unsafeFindTenantBySlug(value);
  return tenant?.slug ?? null;
}

/** "Accedi con SPID o CIE": off to the identity provider, back to `callbackUrl` (a local path). */
export async function citizenSignIn(tenantSlug: string, callbackUrl?: unknown): Promise<void> {
  const slug = await knownTenantSlug(tenantSlug);
  if (!slug) redirect("/");
  const redirectTo = safeCallbackPath(callbackUrl, `/${slug}/area-personale`);
  try {
    await signIn("spid", { redirectTo });
  } catch (e) {
    // The identity provider could not be reached or refused the request.
    if (e instanceof AuthError) {
      console.error("[auth] citizen sign-in could not start", e);
      redirect(`/${slug}/accedi?error=unavailable&callbackUrl=${encodeURIComponent(redirectTo)}`);
    }
    throw e;
  }
}

/** The back-office sign-in form (useActionState): an error to show, or a redirect to the back office. */
export async function staffSignIn(_prev: TStaffSignInState, formData: FormData): Promise<TStaffSignInState> {
  const input = {
    email: formData.get("email"),
    password: formData.get("password"),
    tenantSlug: formData.get("tenantSlug"),
  };
  const email = typeof input.email === "string" ? input.email : "";
  const parsed = ZStaffCredentialsSchema.safeParse(input);
  if (!parsed.success) return { error: "auth.staff.errors.missingFields", email };

  const home = `/${parsed.data.tenantSlug}/backoffice`;
  const wanted = safeCallbackPath(formData.get("callbackUrl"), home);
  const redirectTo = wanted === home || wanted.startsWith(`${home}/`) ? wanted : home;
  try {
    await signIn("staff", { ...parsed.data, redirectTo });
  } catch (e) {
    if (e instanceof StaffSignInError) {
      const minutes = e.retryAfterSeconds ? Math.max(1, Math.ceil(e.retryAfterSeconds / 60)) : undefined;
      return { error: e.messageKey, values: minutes ? { minutes } : undefined, email };
    }
    if (e instanceof AuthError) {
      console.error("[auth] staff sign-in failed", e);
      return { error: "auth.staff.errors.unavailable", email };
    }
    throw e;
  }
  return null;
}

/** "Esci": ends the session and goes to the municipality's home (or `redirectTo`, a local path). */
export async function signOutAction(formData: FormData): Promise<void> {
  const slug = await knownTenantSlug(formData.get("tenant"));
  const redirectTo = safeCallbackPath(formData.get("redirectTo"), slug ? `/${slug}` : "/");
  await signOut({ redirectTo });
}
