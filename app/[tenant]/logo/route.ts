import { handleLogoRequest } from "@/server/settings/logo";

// GET /{tenant}/logo?v=<version> — the municipality's logo (public, like its pages' header).
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  return handleLogoRequest(request, (await params).tenant);
}
