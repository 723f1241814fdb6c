import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/server/env";

// The secret that encrypts session cookies. Production must set AUTH_SECRET. In development and
// tests without one, a random secret is made once and kept in DATA_DIR, so sessions survive
// restarts and no secret is ever committed.

let warned = false;

export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV, DATA_DIR } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -base64 32`).");
  }
  const file = path.resolve(DATA_DIR, "dev-auth-secret");
  let secret = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
  if (secret.length < 32) {
    secret = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
  }
  if (!warned) {
    warned = true;
    console.warn(`[auth] AUTH_SECRET is not set: using a development-only secret kept in ${file}.`);
  }
  return secret;
}
