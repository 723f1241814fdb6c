import { describe, expect, it } from "vitest";
import { decodeEmailApplicantSession, encodeEmailApplicantSession } from "./email-session";

describe("email applicant session cookie", () => {
  const now = new Date("2026-11-23T10:00:00Z");

  it("round-trips the municipality and the normalised address", () => {
    const { value } = encodeEmailApplicantSession({ tenantId: "t1", email: " Anna@Example.IT ", now });
    expect(decodeEmailApplicantSession(value, "t1", now)).toMatchObject({ tenantId: "t1", email: "anna@example.it" });
  });

  it("is refused for another municipality, after expiry, and when tampered with", () => {
    const { value, expiresAt } = encodeEmailApplicantSession({ tenantId: "t1", email: "anna@example.it", now });
    expect(decodeEmailApplicantSession(value, "t2", now)).toBeNull();
    expect(decodeEmailApplicantSession(value, "t1", expiresAt)).toBeNull();
    const [payload, mac] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ t: "t1", e: "mario@example.it", x: expiresAt.getTime() })).toString("base64url");
    expect(decodeEmailApplicantSession(`${forged}.${mac}`, "t1", now)).toBeNull();
    expect(decodeEmailApplicantSession(`${payload}.${mac}x`, "t1", now)).toBeNull();
    expect(decodeEmailApplicantSession("garbage", "t1", now)).toBeNull();
  });
});
