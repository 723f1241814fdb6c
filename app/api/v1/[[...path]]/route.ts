import { handleApiV1 } from "@/server/api/v1";

// REST API v1: every operation is declared in server/api/v1 and dispatched from here.
export const dynamic = "force-dynamic";

const handle = (request: Request) => handleApiV1(request);
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
