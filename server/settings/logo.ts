import { randomUUID } from "node:crypto";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { unsafeFindTenantBySlug } from "@/server/tenant";
import { sniffFileKind } from "@/server/uploads/sniff";
import { UploadError } from "@/server/uploads/upload-error";
import { LOGO_MAX_BYTES, LOGO_TYPE_LABELS } from "./settings-values";
import { changeTenantLogo, type TSettingsRef } from "./tenant-settings";

// The municipality's logo: uploaded by its administrators, kept in file storage
// ("<tenantId>/logo/<uuid>.<ext>", a new key per upload so cached copies never go stale), shown
// in the header of its pages and the back office, served by GET /{tenant}/logo. PNG, JPEG or
// WebP only, judged by content (magic bytes), never by name or declared type; SVG is refused
// (it is a document that can carry scripts and links, and sanitising it is a project of its own).

type TLogoType = { contentType: string; extension: string };

const WEBP: TLogoType = { contentType: "image/webp", extension: "webp" };

/** What image the bytes are, if one the logo may be. */
export function sniffLogo(bytes: Uint8Array): TLogoType | null {
  const kind = sniffFileKind(bytes)?.kind;
  if (kind === "png") return { contentType: "image/png", extension: "png" };
  if (kind === "jpeg") return { contentType: "image/jpeg", extension: "jpg" };
  // RIFF <size> WEBP
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return WEBP;
  return null;
}

/** Checks and stores a new logo, then forgets the previous one's file. */
export async function uploadTenantLogo(ref: TSettingsRef & { bytes: Uint8Array; storage?: TFileStorage }): Promise<void> {
  if (ref.bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "tenantSettings.errors.logoEmpty");
  if (ref.bytes.byteLength > LOGO_MAX_BYTES) throw new UploadError("PAYLOAD_TOO_LARGE", "tenantSettings.errors.logoTooLarge", { max: 1 });
  const type = sniffLogo(ref.bytes);
  if (!type) throw new UploadError("BAD_REQUEST", "tenantSettings.errors.logoType", { types: LOGO_TYPE_LABELS });
  const storage = ref.storage ?? fileStorage();
  const storageKey = `${ref.tenantId}/logo/${randomUUID()}.${type.extension}`;
  await storage.put(storageKey, ref.bytes);
  let previousKey: string | null;
  try {
    ({ previousKey } = await changeTenantLogo({ ...ref, logo: { storageKey, contentType: type.contentType } }));
  } catch (e) {
    await storage.delete(storageKey).catch(() => undefined);
    throw e;
  }
  await forget(storage, previousKey);
}

/** Back to the default emblem. */
export async function removeTenantLogo(ref: TSettingsRef & { storage?: TFileStorage }): Promise<void> {
  const { previousKey } = await changeTenantLogo({ ...ref, logo: null });
  await forget(ref.storage ?? fileStorage(), previousKey);
}

/** After the change is committed: a file nobody points to any more. A failure only leaves an orphan. */
async function forget(storage: TFileStorage, key: string | null) {
  if (!key) return;
  await storage.delete(key).catch((e: unknown) => logger.warn("logo: could not delete the previous file", { key, error: String(e) }));
}

/** GET /{tenant}/logo: the image with its type, cacheable for a year at its versioned address. */
export async function handleLogoRequest(request: Request, slug: string, storage: TFileStorage = fileStorage()): Promise<Response> {
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const tenant = await unsafeFindTenantBySlug(slug);
  if (!tenant?.logoStorageKey || !tenant.logoContentType) return notFound();
  const bytes = await storage.get(tenant.logoStorageKey);
  if (!bytes) return notFound();
  const current = new URL(request.url).searchParams.get("v") === String(tenant.updatedAt.getTime());
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": tenant.logoContentType,
      "Content-Length": String(bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
      // The versioned address never changes content; anything else is checked again soon.
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
