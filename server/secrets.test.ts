import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, isEncryptedSecret, SecretDecryptionError } from "./secrets";

// Municipalities' API keys at rest: unreadable without AUTH_SECRET, and any change is detected.

const KEY = "0123456789abcdef0123456789abcdef";
const context = "tenant:t1:appIoApiKey";

/** Flips one bit of the given part ("iv" | "tag" | "ciphertext") of a stored value. */
function tamper(stored: string, part: 1 | 2 | 3): string {
  const parts = stored.split(":");
  const bytes = Buffer.from(parts[part]!, "base64url");
  bytes[0] = bytes[0]! ^ 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(":");
}

describe("encrypted secrets", () => {
  it("round-trips, in the v1 format, with a fresh IV every time", () => {
    const a = encryptSecret(KEY, { context });
    const b = encryptSecret(KEY, { context });
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(KEY);
    expect(isEncryptedSecret(a)).toBe(true);
    expect(isEncryptedSecret(KEY)).toBe(false);
    expect(decryptSecret(a, { context })).toBe(KEY);
    expect(decryptSecret(encryptSecret("chiave è ✓"), {})).toBe("chiave è ✓");
  });

  it("refuses a value that was changed, moved elsewhere or made with another AUTH_SECRET", () => {
    const stored = encryptSecret(KEY, { context });
    for (const part of [1, 2, 3] as const) expect(() => decryptSecret(tamper(stored, part), { context })).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, { context: "tenant:t2:appIoApiKey" })).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, { context, masterSecret: "another-secret-another-secret-0000" })).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored.replace(/^v1/, "v2"), { context })).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(KEY, { context })).toThrow(SecretDecryptionError);
    // A shortened tag would weaken GCM: refused, not accepted.
    const [v, iv, tag, ct] = stored.split(":");
    expect(() => decryptSecret([v, iv, tag!.slice(0, 10), ct].join(":"), { context })).toThrow(SecretDecryptionError);
  });
});
