import { createHash } from "node:crypto";

/** Hex SHA-256 of a file's bytes: what the verification page shows to compare a copy against. */
export function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
