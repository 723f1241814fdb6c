import type { Prisma } from "@/server/db/generated/client";

// Who is applying. A citizen signed in with SPID/CIE, or, for ANONYMOUS_EMAIL services, a person
// whose email address the caller has already confirmed (one-time link). Services never trust an
// applicant id from the client: the caller builds this from the session.

export type TApplicant =
  | { kind: "citizen"; citizenId: string; /** Level of the current sign-in; default: the Citizen row's. */ spidLevel?: number }
  | { kind: "email"; email: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The `where` that limits applications to the applicant's own (another person's → not found). */
export function ownerWhere(applicant: TApplicant): Prisma.ApplicationWhereInput {
  return applicant.kind === "citizen"
    ? { citizenId: applicant.citizenId }
    : { citizenId: null, applicantEmail: normaliseEmail(applicant.email) };
}
