import { handlers } from "@/server/auth";

// GET|POST /api/auth/*: Auth.js (OIDC redirects and callbacks, credentials, session, sign-out).
export const { GET, POST } = handlers;
