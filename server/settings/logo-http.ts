import { clientIp } from "@/server/auth/client-ip";
import { effectiveRole, meetsRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import type { Membership } from "@/server/db/generated/client";
import type { TFileStorage } from "@/server/storage/types";
import { assertSameOrigin, errorResponse, formFile, readMultipartForm } from "@/server/uploads/http";
import { uploadTenantLogo } from "./logo";
import { LOGO_MAX_BYTES } from "./settings-values";

// POST /api/{tenant}/backoffice/logo: a new logo (multipart/form-data, part "file"), for the
// municipality's administrators (and the platform's super-admins). Same-origin only; errors are
// the upload routes' JSON { messageKey, message } in the request's language. Who is asking is
// passed in (the route wires the session), so tests call it with a plain Request.

export type TLogoRouteDeps = {
  resolveTenant(slug: string): Promise<{ id: string }>;
  getStaff(): Promise<{ id: string; isSuperAdmin: boolean; memberships: readonly Pick<Membership, "tenantId" | "role">[] } | null>;
  storage?: TFileStorage;
};

export async function handleLogoUpload(request: Request, params: { tenant: string }, deps: TLogoRouteDeps): Promise<Response> {
  try {
    assertSameOrigin(request);
    const tenant = await deps.resolveTenant(params.tenant);
    const staff = await deps.getStaff();
    if (!staff) throw new AppError("UNAUTHORIZED", "errors.unauthorized");
    const role = effectiveRole(staff, tenant.id);
    // Staff of another municipality, or below administrator: as if there were nothing here.
    if (!role || !meetsRole(role, "TENANT_ADMIN")) throw new AppError("NOT_FOUND", "errors.notFound");
    const file = formFile(await readMultipartForm(request, LOGO_MAX_BYTES));
    await uploadTenantLogo({
      tenantId: tenant.id,
      actor: { id: staff.id, role },
      ip: clientIp(request.headers),
      bytes: new Uint8Array(await file.arrayBuffer()),
      storage: deps.storage,
    });
    return Response.json({ ok: true }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return errorResponse(request, e);
  }
}
