import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import type { Tenant } from "@/server/db/generated/client";
import type { TStoredEmailProps } from "@/server/email/stored-props";
import { AppError, isAppError } from "@/server/errors";
import { createLocalSmsSink, readSmsSink } from "@/server/sms/local-sink";
import { createCitizen, createTenant } from "@/server/test/factories";
import { normalisePhoneNumber } from "./contact-values";
import { confirmContactVerification, getPendingVerification, MAX_CODE_ATTEMPTS, startContactVerification } from "./contact-verification";

// Changing the profile's email or phone: a 6-digit code goes to the new value, and only the
// right code, in time, within 5 attempts, makes it the citizen's.

const smsDir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-sms-"));
afterAll(() => fs.rmSync(smsDir, { recursive: true, force: true }));
const sms = createLocalSmsSink(smsDir);

async function appError(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

/** The code in the verification email queued to `to` (the outbox keeps the template's props). */
async function emailedCode(to: string): Promise<string> {
  const prisma = await db();
  const [email] = await prisma.outboundEmail.findMany({ where: { to, template: "contact-verification" }, orderBy: { createdAt: "desc" }, take: 1 });
  if (!email) throw new Error(`no verification email to ${to}`);
  return (email.props as TStoredEmailProps).values.code as string;
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("contact verification", () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await createTenant();
  });

  it("emails a code to the new address; the right code makes it the citizen's verified email", async () => {
    const citizen = await createCitizen();
    const to = `nuova-${citizen.id.slice(-6)}@example.test`;
    const pending = await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: `  ${to.toUpperCase()} ` });
    expect(pending.value).toBe(to);

    const prisma = await db();
    const [email] = await prisma.outboundEmail.findMany({ where: { to, template: "contact-verification" } });
    expect(email).toMatchObject({ tenantId: tenant.id, status: "QUEUED", subject: "Il codice per confermare il tuo indirizzo email" });
    const code = await emailedCode(to);
    expect(code).toMatch(/^\d{6}$/);
    // Only a hash is stored.
    const row = await prisma.contactVerification.findFirstOrThrow({ where: { citizenId: citizen.id } });
    expect(row.codeHash).not.toContain(code);
    expect(await getPendingVerification({ citizenId: citizen.id, channel: "EMAIL" })).toMatchObject({ value: to });

    // Nothing changes before the code is confirmed.
    expect((await prisma.citizen.findUniqueOrThrow({ where: { id: citizen.id } })).email).toBe(citizen.email);
    const miss = await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code: wrong(code) }));
    expect([miss.code, miss.fields]).toEqual(["BAD_REQUEST", { code: "personalArea.profile.errors.wrongCode" }]);

    const result = await confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code });
    const after = await prisma.citizen.findUniqueOrThrow({ where: { id: citizen.id } });
    expect(after.email).toBe(to);
    expect(after.emailVerifiedAt).toEqual(result.verifiedAt);
    // Used once.
    expect((await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code }))).messageKey).toBe(
      "personalArea.profile.errors.noPendingCode",
    );
    expect(await getPendingVerification({ citizenId: citizen.id, channel: "EMAIL" })).toBeNull();
  });

  it("locks the code after 5 wrong attempts, even for the right code", async () => {
    const citizen = await createCitizen();
    const to = `lock-${citizen.id.slice(-6)}@example.test`;
    await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: to });
    const code = await emailedCode(to);
    for (let i = 1; i < MAX_CODE_ATTEMPTS; i++) {
      expect((await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code: wrong(code) }))).messageKey).toBe(
        "personalArea.profile.errors.wrongCode",
      );
    }
    const fifth = await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code: wrong(code) }));
    expect([fifth.code, fifth.messageKey]).toEqual(["TOO_MANY_REQUESTS", "personalArea.profile.errors.codeLocked"]);
    const right = await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code }));
    expect(right.messageKey).toBe("personalArea.profile.errors.codeLocked");
    const prisma = await db();
    expect((await prisma.citizen.findUniqueOrThrow({ where: { id: citizen.id } })).email).toBe(citizen.email);
    expect((await prisma.contactVerification.findFirstOrThrow({ where: { citizenId: citizen.id } })).attempts).toBe(MAX_CODE_ATTEMPTS);
  });

  it("refuses an expired code", async () => {
    const citizen = await createCitizen();
    const to = `late-${citizen.id.slice(-6)}@example.test`;
    const sentAt = new Date(Date.now() - 16 * 60_000);
    await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: to, now: sentAt });
    const e = await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code: await emailedCode(to) }));
    expect(e.messageKey).toBe("personalArea.profile.errors.codeExpired");
  });

  it("throttles new codes, and a new code voids the previous one", async () => {
    const citizen = await createCitizen();
    const to = `again-${citizen.id.slice(-6)}@example.test`;
    const t0 = new Date(Date.now() - 10 * 60_000);
    await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: to, now: t0 });
    const first = await emailedCode(to);

    const soon = await appError(startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: to, now: new Date(t0.getTime() + 20_000) }));
    expect([soon.code, soon.messageKey, soon.retryAfterSeconds]).toEqual(["TOO_MANY_REQUESTS", "personalArea.profile.errors.resendTooSoon", 40]);

    const t1 = new Date(t0.getTime() + 61_000);
    await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: to, now: t1 });
    const second = await emailedCode(to);
    if (second !== first) {
      expect((await appError(confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code: first, now: t1 }))).messageKey).toBe(
        "personalArea.profile.errors.wrongCode",
      );
    }
    await confirmContactVerification({ citizenId: citizen.id, channel: "EMAIL", code: second, now: t1 });

    // At most 5 codes an hour, however patient the caller.
    const other = `many-${citizen.id.slice(-6)}@example.test`;
    for (let i = 2; i < 5; i++) {
      await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: other, now: new Date(t0.getTime() + i * 61_000) });
    }
    const sixth = await appError(startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: other, now: new Date(t0.getTime() + 5 * 61_000) }));
    expect(sixth.messageKey).toBe("personalArea.profile.errors.tooManyCodes");
  });

  it("texts a code to a new phone number; the right code makes it the citizen's verified phone", async () => {
    const citizen = await createCitizen();
    const pending = await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "PHONE", value: "333 123 4567", sms });
    expect(pending.value).toBe("+393331234567");
    const [message] = (await readSmsSink(smsDir)).filter((m) => m.to === "+393331234567");
    expect(message!.text).toContain(tenant.name);
    const code = /\b(\d{6})\b/.exec(message!.text)![1]!;

    await confirmContactVerification({ citizenId: citizen.id, channel: "PHONE", code });
    const after = await (await db()).citizen.findUniqueOrThrow({ where: { id: citizen.id } });
    expect(after.phone).toBe("+393331234567");
    expect(after.phoneVerifiedAt).not.toBeNull();
    // Confirming the phone leaves the email alone.
    expect(after.email).toBe(citizen.email);
  });

  it("forgets the code when the SMS cannot be sent, so the citizen can ask again at once", async () => {
    const citizen = await createCitizen();
    const failing = { send: () => Promise.reject(new Error("gateway down")) };
    const e = await appError(startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "PHONE", value: "+41 79 123 45 67", sms: failing }));
    expect([e.code, e.messageKey]).toEqual(["INTERNAL", "personalArea.profile.errors.smsFailed"]);
    await startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "PHONE", value: "+41 79 123 45 67", sms });
  });

  it("refuses values that are not an email or a phone number, and the address already confirmed", async () => {
    const citizen = await createCitizen();
    const badEmail = await appError(startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: "maria@" }));
    expect([badEmail.code, badEmail.fields]).toEqual(["BAD_REQUEST", { value: "personalArea.profile.errors.invalidEmail" }]);
    const badPhone = await appError(startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "PHONE", value: "12", sms }));
    expect(badPhone.fields).toEqual({ value: "personalArea.profile.errors.invalidPhone" });

    const prisma = await db();
    await prisma.citizen.update({ where: { id: citizen.id }, data: { emailVerifiedAt: new Date() } });
    const same = await appError(startContactVerification({ tenantId: tenant.id, citizenId: citizen.id, channel: "EMAIL", value: citizen.email! }));
    expect(same.messageKey).toBe("personalArea.profile.errors.alreadyVerified");
    expect(await prisma.outboundEmail.count({ where: { to: citizen.email!, template: "contact-verification" } })).toBe(0);
  });

  it("reads phone numbers as people type them", () => {
    expect(normalisePhoneNumber("+39 333-123.4567")).toBe("+393331234567");
    expect(normalisePhoneNumber("0039 (333) 1234567")).toBe("+393331234567");
    expect(normalisePhoneNumber("06 1234 5678")).toBe("+390612345678");
    expect(normalisePhoneNumber("+41 79 123 45 67")).toBe("+41791234567");
    expect(normalisePhoneNumber("123")).toBeNull();
    expect(normalisePhoneNumber("333 123 abc")).toBeNull();
  });
});
