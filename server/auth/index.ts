import NextAuth from "next-auth";
import { authConfig } from "./config";

// The app's Auth.js instance. The configuration is built on first use (not at import), so
// `next build` needs no secret and reads no environment.
export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
