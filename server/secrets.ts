import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/server/auth/secret";

// Secrets Sportello keeps in the database for a municipality (its App IO service API key, later
// other integrations' keys): encrypted with AES-256-GCM, so a database dump or backup does not
// hand them out. The key is derived with HKDF-SHA256 from AUTH_SECRET (server/auth/secret.ts):
// changing AUTH_SECRET makes the stored secrets unreadable, and they must be entered again.
//
// Stored form: "v1:<iv>:<tag>:<ciphertext>", each part base64url. An optional context (e.g.
// "tenant:<id>:appIoApiKey") is bound as additional authenticated data: a value copied to
// another row or column does not decrypt there. Any change to a part fails decryption.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = "sportello/secrets";
const HKDF_INFO = "sportello/secrets/v1/aes-256-gcm";

export class SecretDecryptionError extends Error {
  constructor(message = "The secret cannot be decrypted (tampered with, or encrypted with another AUTH_SECRET)") {
    super(message);
    this.name = "SecretDecryptionError";
  }
}

type TSecretOptions = {
  /** Binds the value to where it is stored; the same context must be given to decrypt. */
  context?: string;
  /** The master secret (default AUTH_SECRET); for tests. */
  masterSecret?: string;
};

function deriveKey(masterSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterSecret, HKDF_SALT, HKDF_INFO, 32));
}

const keys = new Map<string, Buffer>();
function keyFor(masterSecret: string = authSecret()): Buffer {
  let key = keys.get(masterSecret);
  if (!key) {
    key = deriveKey(masterSecret);
    keys.set(masterSecret, key);
  }
  return key;
}

const aad = (context: string | undefined) => Buffer.from(`${VERSION}|${context ?? ""}`, "utf8");

export function encryptSecret(plaintext: string, opts: TSecretOptions = {}): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(opts.masterSecret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(opts.context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
}

/** The plaintext; throws SecretDecryptionError for anything that is not a value encryptSecret made with this key and context. */
export function decryptSecret(stored: string, opts: TSecretOptions = {}): string {
  const parts = stored.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretDecryptionError("Not an encrypted secret (expected v1:<iv>:<tag>:<ciphertext>)");
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, "base64url"));
  if (iv!.length !== IV_BYTES || tag!.length !== TAG_BYTES) throw new SecretDecryptionError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(opts.masterSecret), iv!, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(opts.context));
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(ciphertext!), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError();
  }
}

/** Whether a stored value looks encrypted (for migrating plaintext values, forms showing "set"). */
export function isEncryptedSecret(value: string): boolean {
  return value.startsWith(`${VERSION}:`) && value.split(":").length === 4;
}
