"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { clientIp } from "@/server/auth/client-ip";
import { isAppError } from "@/server/errors";
import { DEFAULT_LOCALE, isLocale } from "@/server/i18n/config";
import { logger } from "@/server/logger";
import { unsafeFindTenantBySlug } from "@/server/tenant";
import { EMAIL_APPLICANT_COOKIE, encodeEmailApplicantSession } from "./email-session";
import { confirmEmailSignIn, listServicesWithoutIdentity, requestEmailSignIn } from "./email-sign-in";
import { afterEmailSignInPath } from "./urls";

// Server actions of the sign-in without SPID (forms work without JavaScript).

export type TEmailSignInFormState =
  | { status: "sent"; email: string }
  | {
      status: "error";
      email: string;
      service: string;
      /** Field → i18n key (full path, e.g. "emailAccess.errors.invalidEmail"). */
      fields: { email?: string; service?: string };
      /** Error about the whole form (rate limit, unavailable). */
      form?: string;
      values?: { minutes: number };
    }
  | null;

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

/** "Inviami il link": emails the one-time link; the state says "check your email" or what to fix. */
export async function requestEmailSignInAction(_prev: TEmailSignInFormState, formData: FormData): Promise<TEmailSignInFormState> {
  const email = text(formData.get("email")).trim();
  const serviceSlug = text(formData.get("servizio"));
  const fail = (rest: Omit<Extract<TEmailSignInFormState, { status: "error" }>, "status" | "email" | "service">): TEmailSignInFormState => ({
    status: "error",
    email,
    service: serviceSlug,
    ...rest,
  });

  const tenant = await unsafeFindTenantBySlug(text(formData.get("tenantSlug")));
  if (!tenant) redirect("/");
  if (!serviceSlug) return fail({ fields: { service: "emailAccess.errors.serviceRequired" } });
  const service = (await listServicesWithoutIdentity(tenant.id)).find((s) => s.slug === serviceSlug);
  if (!service) return fail({ fields: { service: "emailAccess.errors.serviceNotAvailable" } });

  const locale = await getLocale();
  try {
    await requestEmailSignIn({
      tenantId: tenant.id,
      email,
      serviceId: service.id,
      locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
      ip: clientIp(await headers()),
    });
  } catch (e) {
    if (!isAppError(e)) {
      logger.error("email sign-in link could not be queued", { tenantId: tenant.id, error: String(e) });
      return fail({ fields: {}, form: "emailAccess.errors.unavailable" });
    }
    if (e.fields) return fail({ fields: e.fields });
    const minutes = e.retryAfterSeconds ? Math.max(1, Math.ceil(e.retryAfterSeconds / 60)) : undefined;
    return fail({ fields: {}, form: e.messageKey, values: minutes ? { minutes } : undefined });
  }
  return { status: "sent", email };
}

export type TConfirmEmailSignInState = { error: string } | null;

/** "Conferma": uses the link up, starts the applicant's session, goes on to the service. */
export async function confirmEmailSignInAction(_prev: TConfirmEmailSignInState, formData: FormData): Promise<TConfirmEmailSignInState> {
  const tenant = await unsafeFindTenantBySlug(text(formData.get("tenantSlug")));
  if (!tenant) redirect("/");
  let next: string;
  try {
    const confirmed = await confirmEmailSignIn({ tenantId: tenant.id, token: text(formData.get("token")) });
    const session = encodeEmailApplicantSession({ tenantId: tenant.id, email: confirmed.email });
    (await cookies()).set(EMAIL_APPLICANT_COOKIE, session.value, {
      httpOnly: true,
      secure: process.env.NODE_ENV === "production",
      sameSite: "lax",
      // "/" and not "/{tenant}": the form's tRPC calls go to /api/trpc, where applicantProcedure
      // reads this cookie. The value itself names (and is signed for) one municipality.
      path: "/",
      maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000)),
    });
    next = afterEmailSignInPath(tenant.slug, confirmed.serviceSlug);
  } catch (e) {
    if (isAppError(e)) return { error: e.messageKey };
    throw e;
  }
  redirect(next);
}

/** "Esci" of an applicant without SPID: forgets the confirmed address on this browser. */
export async function signOutEmailApplicantAction(formData: FormData): Promise<void> {
  const tenant = await unsafeFindTenantBySlug(text(formData.get("tenantSlug")));
  (await cookies()).delete({ name: EMAIL_APPLICANT_COOKIE, path: "/" });
  redirect(tenant ? `/${tenant.slug}` : "/");
}
