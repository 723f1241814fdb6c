import { handleDelete } from "@/server/uploads/http";
import { uploadRouteDeps } from "@/server/uploads/route-deps";

// DELETE /api/[tenant]/applications/[id]/attachments/[attachmentId]: the applicant removes a file from their draft.
export async function DELETE(request: Request, { params }: { params: Promise<{ tenant: string; id: string; attachmentId: string }> }) {
  return handleDelete(request, await params, uploadRouteDeps);
}
