import { handleUpload } from "@/server/uploads/http";
import { uploadRouteDeps } from "@/server/uploads/route-deps";

// POST /api/[tenant]/applications/[id]/attachments: the applicant uploads a file (multipart
// "file" + "fieldKey") for a field of their draft; answers the form's file reference.
export async function POST(request: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  return handleUpload(request, await params, uploadRouteDeps);
}
