// Where uploaded files and issued PDFs are kept. Keys are opaque, "/"-separated paths chosen by
// the caller (e.g. "<tenantId>/receipts/<documentId>.pdf"); access control is the caller's job:
// files are served only through routes that check who may see them.

export type TFileStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes what is stored under the key; nothing stored is not an error. */
  delete(key: string): Promise<void>;
};

/** Keys are relative paths of safe segments: no "..", no absolute paths, no backslashes. */
export function assertStorageKey(key: string): void {
  const ok =
    key.length > 0 &&
    key.length <= 512 &&
    !key.startsWith("/") &&
    key.split("/").every((seg) => seg.length > 0 && seg !== "." && seg !== ".." && /^[A-Za-z0-9._-]+$/.test(seg));
  if (!ok) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}
