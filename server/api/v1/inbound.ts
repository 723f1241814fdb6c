import type { TApiRoute } from "../route";

export const INBOUND_ROUTES: readonly TApiRoute[] = [];
