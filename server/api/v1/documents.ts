import type { TApiRoute } from "../route";

export const DOCUMENTS_ROUTES: readonly TApiRoute[] = [];
