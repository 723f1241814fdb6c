import { Inngest } from "inngest";

// The Inngest app. Keys come from the environment as the SDK expects (INNGEST_EVENT_KEY,
// INNGEST_SIGNING_KEY; INNGEST_DEV=1 for a local Inngest dev server). Constructing it does no I/O.
export const inngest = new Inngest({ id: "sportello" });
