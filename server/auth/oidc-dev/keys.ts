import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { JWK } from "oidc-provider";

// Signing keys (RS256) and cookie keys of the local OIDC provider, kept in a file under DATA_DIR
// so that restarting the app does not invalidate tokens and interactions already under way.

export type TDevProviderKeys = { jwks: { keys: JWK[] }; cookieKeys: string[] };

function generate(): TDevProviderKeys {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" }) as JWK;
  return {
    jwks: { keys: [{ ...jwk, kid: randomUUID(), alg: "RS256", use: "sig" }] },
    cookieKeys: [randomBytes(32).toString("base64url")],
  };
}

function isKeys(value: unknown): value is TDevProviderKeys {
  const v = value as Partial<TDevProviderKeys> | null;
  return Boolean(v && Array.isArray(v.jwks?.keys) && v.jwks.keys.length > 0 && Array.isArray(v.cookieKeys));
}

/** Reads the keys from `file`, or generates and saves them. `file` null: in memory only. */
export function loadOrCreateDevKeys(file: string | null): TDevProviderKeys {
  if (file && fs.existsSync(file)) {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (isKeys(parsed)) return parsed;
  }
  const keys = generate();
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}
