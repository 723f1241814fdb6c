import { handleMessageUpload } from "@/server/conversation/upload-route";
import { uploadRouteDeps } from "@/server/uploads/route-deps";

// POST /api/[tenant]/backoffice/applications/[id]/message-attachments: an operator uploads a file
// (multipart "file") to send with a message or note on the application; answers its reference.
export async function POST(request: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  return handleMessageUpload(request, await params, uploadRouteDeps, "staff");
}
