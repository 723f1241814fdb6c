import type { TApiRoute } from "../route";

export const APPLICATIONS_ROUTES: readonly TApiRoute[] = [];
