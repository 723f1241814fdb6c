// From @auth/core (the exact version next-auth pins and re-exports) rather than "next-auth",
// whose entry needs Next's runtime: this keeps the module loadable in plain Node tests.
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import { z } from "zod";
import { isAppError } from "@/server/errors";
import { clientIp } from "./client-ip";
import { authenticateStaff, INVALID_STAFF_CREDENTIALS } from "./staff-sign-in";

// Staff sign in with email, password and the municipality whose back office they open.

export const ZStaffCredentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
  tenantSlug: z.string().trim().min(1).max(64),
});

/** Carries the i18n key of the refusal to the server action (and only a neutral code to URLs). */
export class StaffSignInError extends CredentialsSignin {
  readonly messageKey: string;
  readonly retryAfterSeconds?: number;
  constructor(messageKey: string, retryAfterSeconds?: number) {
    super(messageKey);
    this.messageKey = messageKey;
    this.retryAfterSeconds = retryAfterSeconds;
    this.code = retryAfterSeconds ? "too_many_attempts" : "invalid_credentials";
  }
}

export function staffProvider() {
  return Credentials({
    id: "staff",
    name: "Staff",
    credentials: { email: {}, password: {}, tenantSlug: {} },
    async authorize(credentials, request) {
      const parsed = ZStaffCredentialsSchema.safeParse(credentials);
      if (!parsed.success) throw new StaffSignInError(INVALID_STAFF_CREDENTIALS);
      try {
        const { staff } = await authenticateStaff({ ...parsed.data, ip: clientIp(request.headers) });
        return {
          id: staff.id,
          name: staff.name,
          email: staff.email,
          staffIdentity: { kind: "staff", staffUserId: staff.id, name: staff.name, email: staff.email, sessionVersion: staff.sessionVersion },
        };
      } catch (e) {
        if (isAppError(e)) throw new StaffSignInError(e.messageKey, e.retryAfterSeconds);
        throw e;
      }
    },
  });
}
