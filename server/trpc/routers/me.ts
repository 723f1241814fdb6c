import { effectiveRole } from "@/server/auth/roles";
import { router, tenantProcedure } from "../init";

export const meRouter = router({
  /** Who is signed in, as this municipality sees them; null when nobody is. */
  get: tenantProcedure.query(({ ctx }) => {
    const v = ctx.viewer;
    if (!v) return null;
    if (v.kind === "citizen") {
      const c = v.citizen;
      return {
        kind: "citizen" as const,
        name: `${c.givenName} ${c.familyName}`.trim(),
        givenName: c.givenName,
        familyName: c.familyName,
        fiscalCode: c.fiscalCode,
        email: c.email,
        spidLevel: c.spidLevel,
      };
    }
    return {
      kind: "staff" as const,
      name: v.staff.name,
      email: v.staff.email,
      isSuperAdmin: v.staff.isSuperAdmin,
      role: effectiveRole(v.staff, ctx.tenant.id),
    };
  }),
});
