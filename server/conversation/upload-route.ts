import { effectiveRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { assertSameOrigin, errorResponse, formFile, readMultipartForm, type TUploadRouteDeps } from "@/server/uploads/http";
import { MESSAGE_ATTACHMENT_MAX_BYTES, messageUploadTarget, uploadMessageAttachment, type TMessageUploaderRef } from "./attachments";

// The two upload routes for files sent with messages, one per side:
//   POST /api/[tenant]/backoffice/applications/[id]/message-attachments  staff of the municipality
//   POST /api/[tenant]/applications/[id]/message-attachments             the citizen who applied
// Same defences as the form's upload route (server/uploads/http.ts): same-origin check, the
// body refused beyond the size limit before it is read, content sniffed, errors as translated
// JSON. Applicants without SPID have no personal area to write from: NOT_FOUND for them.

async function uploaderFor(side: TMessageUploaderRef["kind"], deps: TUploadRouteDeps, tenantId: string): Promise<TMessageUploaderRef> {
  if (side === "staff") {
    const staff = await deps.getStaff();
    if (!staff) throw new AppError("UNAUTHORIZED", "uploads.errors.signedOut");
    // Another municipality's staff: as if the application did not exist.
    if (effectiveRole(staff, tenantId) === null) throw new AppError("NOT_FOUND", "backoffice.application.notFound");
    return { kind: "staff" };
  }
  const applicant = await deps.getApplicant(tenantId);
  if (!applicant) throw new AppError("UNAUTHORIZED", "uploads.errors.signedOut");
  if (applicant.kind !== "citizen") throw new AppError("NOT_FOUND", "applications.errors.applicationNotFound");
  return { kind: "citizen", citizenId: applicant.citizenId };
}

/** multipart/form-data with "file"; answers 201 { id, name, size, type }. */
export async function handleMessageUpload(
  request: Request,
  params: { tenant: string; id: string },
  deps: TUploadRouteDeps,
  side: TMessageUploaderRef["kind"],
): Promise<Response> {
  try {
    assertSameOrigin(request);
    const tenant = await deps.resolveTenant(params.tenant);
    const uploader = await uploaderFor(side, deps, tenant.id);
    await messageUploadTarget({ tenantId: tenant.id, applicationId: params.id, uploader });
    const file = formFile(await readMultipartForm(request, MESSAGE_ATTACHMENT_MAX_BYTES));
    const ref = await uploadMessageAttachment({
      tenantId: tenant.id,
      applicationId: params.id,
      uploader,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      storage: deps.storage,
    });
    return Response.json(ref, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(request, e);
  }
}
