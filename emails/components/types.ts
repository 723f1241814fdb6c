import type { TLocale } from "@/server/i18n/config";
import type { TTranslate } from "@/server/i18n/translator";

/** The municipality an email speaks for; null tenant → the platform itself. */
export type TEmailMunicipality = { name: string; area?: string | null; brandColor?: string | null };

/** What renderEmail adds to every template's own props. */
export type TEmailContext = {
  t: TTranslate;
  locale: TLocale;
  municipality: TEmailMunicipality;
};

/** Builds the subject line from the same translator and props as the body. */
export type TEmailSubject<P> = (ctx: TEmailContext, props: P) => string;
