import { z } from "zod";
import { LOCALES } from "@/server/i18n/config";

// OutboundEmail.props holds the template's props and the recipient's language together
// (the row has no locale column), so a retry renders exactly what was queued.
export const ZStoredEmailProps = z.object({
  locale: z.enum(LOCALES),
  values: z.record(z.string(), z.unknown()),
});
export type TStoredEmailProps = z.infer<typeof ZStoredEmailProps>;
