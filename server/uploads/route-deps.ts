import "server-only";
import { getCurrentApplicant } from "@/server/applicants/current";
import { getStaffViewer } from "@/server/auth/session";
import { getTenantOrThrow } from "@/server/tenant";
import type { TUploadRouteDeps } from "./http";

// Who is asking, for the upload routes: the municipality from the URL, the applicant of this
// request (citizen session or confirmed-email cookie) and the signed-in staff member, if any.
export const uploadRouteDeps: TUploadRouteDeps = {
  resolveTenant: getTenantOrThrow,
  getApplicant: getCurrentApplicant,
  getStaff: getStaffViewer,
};
