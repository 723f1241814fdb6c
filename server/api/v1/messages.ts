import type { TApiRoute } from "../route";

export const MESSAGES_ROUTES: readonly TApiRoute[] = [];
