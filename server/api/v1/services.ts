import type { TApiRoute } from "../route";

export const SERVICES_ROUTES: readonly TApiRoute[] = [];
