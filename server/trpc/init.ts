import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { StaffRole } from "@/server/db/generated/client";
import { decodeEmailApplicantSession } from "@/server/applicants/email-session";
import type { TApplicant } from "@/server/applications/applicant";
import { effectiveRole, meetsRole, type TEffectiveRole } from "@/server/auth/roles";
import { isAppError } from "@/server/errors";
import { unsafeFindTenantBySlug } from "@/server/tenant";
import type { TTRPCContext } from "./context";
import { accessError, errorFormatter, toTRPCError } from "./errors";

// The access ladder. Every procedure starts from one of these, which says who may call it:
//   publicProcedure              anyone
//   tenantProcedure              anyone, for an existing municipality (ctx.tenant)
//   citizenProcedure             a signed-in citizen, for a municipality (ctx.citizen)
//   applicantProcedure           a citizen, or an applicant without SPID (ctx.applicant)
//   staffProcedure(minRole)      staff with at least minRole in ctx.tenant (ctx.staff, ctx.role)
//   superAdminProcedure          the platform's super-admins
// Staff of another municipality get NOT_FOUND, as if the tenant's data did not exist.

const t = initTRPC.context<TTRPCContext>().create({ transformer: superjson, errorFormatter });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Lets AppErrors thrown by services out with their own code and message key. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

function inputTenantSlug(raw: unknown): string | null {
  const slug = typeof raw === "object" && raw !== null ? (raw as { tenantSlug?: unknown }).tenantSlug : undefined;
  return typeof slug === "string" && slug ? slug : null;
}

export const tenantProcedure = publicProcedure.use(async ({ ctx, next, getRawInput }) => {
  const fromInput = inputTenantSlug(await getRawInput());
  if (ctx.tenantSlug && fromInput && fromInput !== ctx.tenantSlug) throw accessError("NOT_FOUND", "errors.tenantNotFound");
  const tenant = ctx.tenantSlug ? ctx.tenant : fromInput ? await unsafeFindTenantBySlug(fromInput) : null;
  if (!tenant) throw accessError("NOT_FOUND", "errors.tenantNotFound");
  return next({ ctx: { ...ctx, tenant, tenantSlug: tenant.slug } });
});

export const citizenProcedure = tenantProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw accessError("UNAUTHORIZED");
  if (ctx.viewer.kind !== "citizen") throw accessError("FORBIDDEN");
  return next({ ctx: { ...ctx, citizen: ctx.viewer.citizen } });
});

/** Whoever may fill and submit applications: a signed-in citizen, or an applicant without SPID
 * with a confirmed-email session for this municipality (ctx.applicant). */
export const applicantProcedure = tenantProcedure.use(({ ctx, next }) => {
  let applicant: TApplicant | null = null;
  if (ctx.viewer?.kind === "citizen") {
    applicant = { kind: "citizen", citizenId: ctx.viewer.citizen.id, spidLevel: ctx.viewer.citizen.spidLevel };
  } else if (!ctx.viewer) {
    const session = decodeEmailApplicantSession(ctx.emailApplicantCookie, ctx.tenant.id);
    if (session) applicant = { kind: "email", email: session.email };
  }
  if (!applicant) throw accessError(ctx.viewer ? "FORBIDDEN" : "UNAUTHORIZED");
  return next({ ctx: { ...ctx, applicant } });
});

export function staffProcedure(minRole: StaffRole | "SUPER_ADMIN" = "OPERATOR") {
  return tenantProcedure.use(({ ctx, next }) => {
    if (!ctx.viewer) throw accessError("UNAUTHORIZED");
    if (ctx.viewer.kind !== "staff") throw accessError("FORBIDDEN");
    const role = effectiveRole(ctx.viewer.staff, ctx.tenant.id);
    if (!role || !meetsRole(role, minRole)) throw accessError("NOT_FOUND");
    return next({ ctx: { ...ctx, staff: ctx.viewer.staff, role: role satisfies TEffectiveRole } });
  });
}

export const superAdminProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) throw accessError("UNAUTHORIZED");
  if (ctx.viewer.kind !== "staff" || !ctx.viewer.staff.isSuperAdmin) throw accessError("FORBIDDEN");
  return next({ ctx: { ...ctx, staff: ctx.viewer.staff } });
});
