import type { TApplicant } from "@/server/applications/applicant";
import { env } from "@/server/env";
import { AppError, isAppError } from "@/server/errors";
import { LOCALE_COOKIE, type TLocale } from "@/server/i18n/config";
import { negotiateLocale } from "@/server/i18n/negotiate";
import { translateMessageKey } from "@/server/i18n/translator";
import type { TFileStorage } from "@/server/storage/types";
import { deleteAttachment, getAttachmentForViewer, maxUploadBytes, uploadAttachment, type TAttachmentViewer } from "./attachments";
import { contentDisposition } from "@/server/http/file-response";
import { clientIp } from "@/server/auth/client-ip";
import { BYTES_PER_MB } from "./kinds";
import { messageValues, UploadError } from "./upload-error";

// The upload routes' logic, with who-is-asking passed in (route-deps.ts wires the session), so
// tests call it with a plain Request. Errors answer JSON { messageKey, message, fields? } with
// the message already translated to the request's language (NEXT_LOCALE cookie, else
// Accept-Language, else Italian) and the AppError's HTTP status.

export type TUploadRouteDeps = {
  resolveTenant(slug: string): Promise<{ id: string }>;
  getApplicant(tenantId: string): Promise<TApplicant | null>;
  getStaff(): Promise<TAttachmentViewer["staff"]>;
  storage?: TFileStorage;
};

/** Room for the multipart framing around the file and the fieldKey part. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

function requestLocale(request: Request): TLocale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return negotiateLocale({ cookie, acceptLanguage: request.headers.get("accept-language") });
}

const translate = translateMessageKey;

export async function errorResponse(request: Request, e: unknown): Promise<Response> {
  const error = isAppError(e) ? e : new AppError("INTERNAL", "errors.generic", { cause: e });
  if (!isAppError(e)) console.error("[uploads] unexpected error", e);
  const locale = requestLocale(request);
  const fields = error.fields
    ? Object.fromEntries(await Promise.all(Object.entries(error.fields).map(async ([path, key]) => [path, await translate(locale, key)] as const)))
    : undefined;
  const body = { messageKey: error.messageKey, message: await translate(locale, error.messageKey, messageValues(error)), ...(fields ? { fields } : {}) };
  return Response.json(body, { status: error.httpStatus, headers: { "Cache-Control": "no-store" } });
}

/**
 * CSRF defence for the state-changing routes (besides SameSite cookies): the browser's Origin
 * must be this site, as the request's host or APP_URL names it. Browsers always send Origin on
 * POST and DELETE; a request without one is refused.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  let ok = false;
  if (origin && origin !== "null") {
    try {
      const url = new URL(origin);
      const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
      ok = url.origin === new URL(env().APP_URL).origin || (host !== null && url.host === host);
    } catch {
      ok = false;
    }
  }
  if (!ok) throw new AppError("FORBIDDEN", "uploads.errors.crossOrigin");
}

async function applicantOrThrow(deps: TUploadRouteDeps, tenantId: string): Promise<TApplicant> {
  const applicant = await deps.getApplicant(tenantId);
  if (!applicant) throw new AppError("UNAUTHORIZED", "uploads.errors.signedOut");
  return applicant;
}

/** The body, read up to `limit` bytes: a larger one (or one shorter than announced) is refused. */
async function readBody(request: Request, limit: number, maxMb: number): Promise<Uint8Array> {
  const tooLarge = () => new UploadError("PAYLOAD_TOO_LARGE", "uploads.errors.requestTooLarge", { max: maxMb });
  const announced = Number(request.headers.get("content-length") ?? NaN);
  if (announced > limit) throw tooLarge();
  if (!request.body) throw new AppError("BAD_REQUEST", "uploads.errors.missingFile");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  // A proxy in front may cut a body short; a partial file must not be stored as if whole.
  if (Number.isFinite(announced) && total < announced) throw new AppError("BAD_REQUEST", "uploads.errors.truncated");
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** A multipart/form-data body whose file may be up to `largest` bytes (refused beyond it). */
export async function readMultipartForm(request: Request, largest: number): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType)) throw new AppError("BAD_REQUEST", "uploads.errors.malformed");
  const body = await readBody(request, largest + MULTIPART_OVERHEAD_BYTES, Math.round((largest / BYTES_PER_MB) * 10) / 10);
  try {
    return await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "uploads.errors.malformed");
  }
}

/** The form's "file" part. */
export function formFile(form: FormData): File {
  const file = form.get("file");
  if (!file || typeof file === "string") throw new AppError("BAD_REQUEST", "uploads.errors.missingFile");
  return file;
}

/** POST: multipart/form-data with "file" and "fieldKey"; answers 201 { id, name, size, type }. */
export async function handleUpload(request: Request, params: { tenant: string; id: string }, deps: TUploadRouteDeps): Promise<Response> {
  try {
    assertSameOrigin(request);
    const tenant = await deps.resolveTenant(params.tenant);
    const applicant = await applicantOrThrow(deps, tenant.id);
    const largest = await maxUploadBytes({ tenantId: tenant.id, applicationId: params.id, applicant });
    const form = await readMultipartForm(request, largest);
    const fieldKey = form.get("fieldKey");
    if (typeof fieldKey !== "string" || !fieldKey) throw new AppError("BAD_REQUEST", "uploads.errors.unknownField");
    const file = formFile(form);
    const ref = await uploadAttachment({
      tenantId: tenant.id,
      applicationId: params.id,
      applicant,
      fieldKey,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      storage: deps.storage,
    });
    return Response.json(ref, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(request, e);
  }
}

/** DELETE: removes one of the applicant's files from their draft; 204. */
export async function handleDelete(
  request: Request,
  params: { tenant: string; id: string; attachmentId: string },
  deps: TUploadRouteDeps,
): Promise<Response> {
  try {
    assertSameOrigin(request);
    const tenant = await deps.resolveTenant(params.tenant);
    const applicant = await applicantOrThrow(deps, tenant.id);
    await deleteAttachment({ tenantId: tenant.id, applicationId: params.id, attachmentId: params.attachmentId, applicant, storage: deps.storage });
    return new Response(null, { status: 204 });
  } catch (e) {
    return errorResponse(request, e);
  }
}

const INLINE_KINDS = new Set(["pdf", "jpeg", "png"]);

/** The download route's own Content-Security-Policy (security-headers.ts leaves it to the route).
 * A file shown in the browser is someone else's content on our origin: it may load nothing but
 * itself and run nothing. (Chromium's PDF viewer still opens a sandboxed PDF: checked.) */
export function downloadCsp(inline: boolean): string {
  return inline
    ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"
    : "default-src 'none'; frame-ancestors 'none'; sandbox";
}

/** GET: the file's bytes for whoever may see them; ?inline=1 opens PDFs and images in the browser. */
export async function handleDownload(request: Request, params: { tenant: string; attachmentId: string }, deps: TUploadRouteDeps): Promise<Response> {
  try {
    const tenant = await deps.resolveTenant(params.tenant);
    const [applicant, staff] = await Promise.all([deps.getApplicant(tenant.id), deps.getStaff()]);
    if (!applicant && !staff) throw new AppError("UNAUTHORIZED", "uploads.errors.signedOut");
    const { attachment, bytes } = await getAttachmentForViewer({
      tenantId: tenant.id,
      attachmentId: params.attachmentId,
      viewer: { applicant, staff, ip: clientIp(request.headers) },
      storage: deps.storage,
    });
    const inline = new URL(request.url).searchParams.get("inline") === "1" && INLINE_KINDS.has(attachment.kind);
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        "Content-Type": attachment.mimeType,
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", attachment.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Content-Security-Policy": downloadCsp(inline),
      },
    });
  } catch (e) {
    const res = await errorResponse(request, e);
    res.headers.set("Content-Security-Policy", downloadCsp(false));
    return res;
  }
}
