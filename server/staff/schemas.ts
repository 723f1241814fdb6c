import { z } from "zod";
import { passwordProblem } from "./password-rules";

// The inputs of staff administration, shared by the browser forms (react-hook-form + zod) and
// the tRPC procedures. Messages are i18n keys of the staffAdmin namespace.

export const STAFF_ROLES = ["OPERATOR", "SERVICE_MANAGER", "TENANT_ADMIN"] as const;
export type TStaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_NAME_MAX_LENGTH = 120;
/** Services one person may be given at once (a municipality has tens, not thousands). */
export const STAFF_SERVICES_MAX = 500;

export const ZStaffName = z
  .string({ error: "staffAdmin.errors.nameRequired" })
  .trim()
  .min(1, "staffAdmin.errors.nameRequired")
  .max(STAFF_NAME_MAX_LENGTH, "staffAdmin.errors.nameTooLong");

export const ZStaffEmail = z
  .string({ error: "staffAdmin.errors.emailRequired" })
  .trim()
  .min(1, "staffAdmin.errors.emailRequired")
  .max(254, "staffAdmin.errors.emailInvalid")
  .pipe(z.email("staffAdmin.errors.emailInvalid"));

export const ZStaffRole = z.enum(STAFF_ROLES, { error: "staffAdmin.errors.roleRequired" });

export const ZServiceIds = z.array(z.string().min(1).max(64), { error: "staffAdmin.errors.servicesInvalid" }).max(STAFF_SERVICES_MAX, "staffAdmin.errors.servicesInvalid");

/** "Invita operatore". */
export const ZInviteForm = z.object({ name: ZStaffName, email: ZStaffEmail, role: ZStaffRole, serviceIds: ZServiceIds });
export type TInviteForm = z.input<typeof ZInviteForm>;

/** "Salva ruolo e servizi" on a staff member's page. */
export const ZMemberForm = z.object({ role: ZStaffRole, serviceIds: ZServiceIds });
export type TMemberForm = z.input<typeof ZMemberForm>;

/** The password form of the invitation page: the rules of password-rules.ts, typed twice. */
export function setPasswordSchema(email: string | null) {
  return z
    .object({
      password: z.string().max(4096, "staffAdmin.password.errors.tooLong"),
      confirm: z.string().max(4096, "staffAdmin.password.errors.tooLong"),
    })
    .superRefine((value, ctx) => {
      if (!value.password) {
        ctx.addIssue({ code: "custom", path: ["password"], message: "staffAdmin.password.errors.required" });
        return;
      }
      const problem = passwordProblem(value.password, { email });
      if (problem) {
        ctx.addIssue({ code: "custom", path: ["password"], message: `staffAdmin.password.errors.${problem}` });
        return;
      }
      if (value.confirm !== value.password) ctx.addIssue({ code: "custom", path: ["confirm"], message: "staffAdmin.password.errors.mismatch" });
    });
}
