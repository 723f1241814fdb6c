import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalDiskStorage } from "./local-disk";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local disk storage", () => {
  const storage = createLocalDiskStorage(root);

  it("gives back the bytes stored under a key, and null for an unknown key", async () => {
    await storage.put("tenant-1/receipts/doc.pdf", Buffer.from("%PDF-1.7 hello"));
    expect((await storage.get("tenant-1/receipts/doc.pdf"))?.toString()).toBe("%PDF-1.7 hello");
    expect(await storage.get("tenant-1/receipts/missing.pdf")).toBeNull();
  });

  it("deletes what is stored under a key, and deleting twice is not an error", async () => {
    await storage.put("tenant-1/attachments/app-1/file-1", Buffer.from("%PDF-1.7 bye"));
    await storage.delete("tenant-1/attachments/app-1/file-1");
    expect(await storage.get("tenant-1/attachments/app-1/file-1")).toBeNull();
    await expect(storage.delete("tenant-1/attachments/app-1/file-1")).resolves.toBeUndefined();
    await expect(storage.delete("../outside.pdf")).rejects.toThrow(/Invalid storage key/);
  });

  it("refuses keys that would escape its folder", async () => {
    await expect(storage.put("../outside.pdf", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get("/etc/passwd")).rejects.toThrow(/Invalid storage key/);
    expect(fs.existsSync(path.join(root, "..", "outside.pdf"))).toBe(false);
  });
});
