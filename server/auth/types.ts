import type { DefaultSession } from "next-auth";
import type {} from "next-auth/jwt";
import type { Citizen, Membership, StaffUser } from "@/server/db/generated/client";

// What a session carries (kept small: it travels in an encrypted cookie) and what the server
// loads from it. The session names the person; the database says what they may do now.

export type TCitizenIdentity = { kind: "citizen"; citizenId: string; fiscalCode: string; name: string };
export type TStaffIdentity = { kind: "staff"; staffUserId: string; name: string; email: string; sessionVersion: number };
export type TSessionIdentity = TCitizenIdentity | TStaffIdentity;

/** A staff account as the server sees it: never with its password hash. */
export type TStaffViewer = Omit<StaffUser, "passwordHash"> & { memberships: Membership[] };

export type TViewer = { kind: "citizen"; citizen: Citizen } | { kind: "staff"; staff: TStaffViewer };

/** Claims of a citizen's identity as given by SPID/CIE (already normalised). */
export type TCitizenClaims = {
  fiscalCode: string;
  givenName: string;
  familyName: string;
  birthDate: Date | null;
  email: string | null;
  domicile: { street?: string; postalCode?: string; city?: string; province?: string; country?: string } | null;
  spidLevel: number;
};

declare module "next-auth" {
  interface Session {
    identity?: TSessionIdentity;
    user?: DefaultSession["user"];
  }
  interface User {
    /** Set by the staff provider's authorize(). */
    staffIdentity?: TStaffIdentity;
    /** Set by the spid provider's profile(); null when the claims were unusable. */
    citizenClaims?: TCitizenClaims | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    identity?: TSessionIdentity;
  }
}
