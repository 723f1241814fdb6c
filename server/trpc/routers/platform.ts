import { router } from "../init";

// Placeholder: filled in by the issue-5 work on this area.
export const platformRouter = router({});
