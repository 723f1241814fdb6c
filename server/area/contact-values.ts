import { z } from "zod";
import type { ContactChannel } from "@/server/db/generated/client";

// A citizen's contact details as typed in the profile form, brought to the one form they are
// stored and compared in. Shared by the browser form and the server (no server-only imports).

/** How long a code sent to confirm a contact works. */
export const CODE_TTL_MINUTES = 15;

const ZEmail = z.email();

export function normaliseEmailAddress(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && ZEmail.safeParse(email).success ? email : null;
}

/**
 * "333 123 4567", "+39 333-1234567", "0039 333 1234567" → "+393331234567". Numbers without an
 * international prefix are taken as Italian (mobiles start with 3, landlines with 0).
 */
export function normalisePhoneNumber(raw: string): string | null {
  let phone = raw.trim().replace(/[\s.\-()/]/g, "");
  if (phone.startsWith("00")) phone = `+${phone.slice(2)}`;
  if (!phone.startsWith("+")) {
    if (!/^[03]\d{5,10}$/.test(phone)) return null;
    phone = `+39${phone}`;
  }
  return /^\+[1-9]\d{7,14}$/.test(phone) ? phone : null;
}

export function normaliseContact(channel: ContactChannel, raw: string): string | null {
  return channel === "EMAIL" ? normaliseEmailAddress(raw) : normalisePhoneNumber(raw);
}

export const ZContactChannel = z.enum(["EMAIL", "PHONE"]);

export const ZStartContactVerificationInput = z.object({
  channel: ZContactChannel,
  value: z.string().trim().min(1, "personalArea.profile.errors.valueRequired").max(254),
});

export const ZConfirmContactVerificationInput = z.object({
  channel: ZContactChannel,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "personalArea.profile.errors.codeFormat"),
});
