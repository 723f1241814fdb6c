import { cache } from "react";
import { listCatalogue } from "@/server/services/catalogue";

// One catalogue query per request even when the page (for its result count) and the catalogue
// component both need it.
export const loadCatalogue = cache((tenantId: string, query: string | undefined) => listCatalogue({ tenantId, query }));
