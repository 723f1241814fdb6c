import { createTranslator } from "next-intl";
import { TIME_ZONE } from "@/server/i18n/config";
import type { TTranslate } from "@/server/i18n/translator";
import messages from "@/server/i18n/messages/it/email.json";
import type { TEmailContext } from "./types";

// Default props for previews (React Email's preview server renders templates with no props):
// the Italian catalogue, loaded synchronously, and an example municipality. Real sends get
// their context from renderEmail.
const t = createTranslator({ locale: "it", messages: { email: messages }, namespace: "email", timeZone: TIME_ZONE });

export const PREVIEW_CONTEXT: TEmailContext = {
  // createTranslator is typed against the literal catalogue; templates use the looser TTranslate.
  t: t as unknown as TTranslate,
  locale: "it",
  municipality: { name: "Comune di Esempio", area: "Provincia di Esempio", brandColor: "#0066cc" },
};
