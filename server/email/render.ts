import { render } from "@react-email/render";
import { createElement } from "react";
import type { TEmailMunicipality } from "@/emails/components/types";
import { DEFAULT_LOCALE, type TLocale } from "@/server/i18n/config";
import { getTranslator, type TTranslate } from "@/server/i18n/translator";
import { getEmailTemplate, type TEmailTemplateName, type TEmailTemplateProps } from "./templates";

// Headings keep their case in the plain-text version (html-to-text shouts them by default).
const PLAIN_TEXT = {
  plainText: true,
  htmlToTextOptions: {
    selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
  },
} as const;

export type TRenderedEmail = { subject: string; html: string; text: string };

/** The municipality shown in the email, or the platform itself for emails with no tenant. */
function resolveMunicipality(t: TTranslate, municipality?: TEmailMunicipality | null): TEmailMunicipality {
  return municipality ?? { name: t("layout.platformName") };
}

/** Subject only (used when queueing, so the outbox row shows what will be sent). */
export async function renderEmailSubject<N extends TEmailTemplateName>(
  template: N,
  props: TEmailTemplateProps<N>,
  locale: TLocale = DEFAULT_LOCALE,
  opts: { municipality?: TEmailMunicipality | null } = {},
): Promise<string> {
  const def = getEmailTemplate(template);
  const parsed: unknown = def.schema.parse(props);
  const t = await getTranslator(locale, "email");
  return def.subject({ t, locale, municipality: resolveMunicipality(t, opts.municipality) }, parsed);
}

/** Renders a template to subject, HTML and plain text, in the given language. */
export async function renderEmail<N extends TEmailTemplateName>(
  template: N,
  props: TEmailTemplateProps<N>,
  locale: TLocale = DEFAULT_LOCALE,
  opts: { municipality?: TEmailMunicipality | null } = {},
): Promise<TRenderedEmail> {
  const def = getEmailTemplate(template);
  // Props may come back from the database as JSON: check them against the template's schema.
  const parsed = def.schema.parse(props) as object;
  const t = await getTranslator(locale, "email");
  const ctx = { t, locale, municipality: resolveMunicipality(t, opts.municipality) };
  const element = createElement(def.Component, { ...parsed, ...ctx });
  const [html, text] = await Promise.all([render(element), render(element, PLAIN_TEXT)]);
  return { subject: def.subject(ctx, parsed), html, text };
}
