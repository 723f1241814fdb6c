import { handleMessageUpload } from "@/server/conversation/upload-route";
import { uploadRouteDeps } from "@/server/uploads/route-deps";

// POST /api/[tenant]/applications/[id]/message-attachments: the citizen uploads a file (multipart
// "file") to send with a reply or an integration answer; answers its reference.
export async function POST(request: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  return handleMessageUpload(request, await params, uploadRouteDeps, "citizen");
}
