import { handleDownload } from "@/server/uploads/http";
import { uploadRouteDeps } from "@/server/uploads/route-deps";

// GET /api/[tenant]/attachments/[attachmentId]: a file's bytes, for its applicant or the municipality's staff.
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; attachmentId: string }> }) {
  return handleDownload(request, await params, uploadRouteDeps);
}
