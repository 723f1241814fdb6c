"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { FormProvider, useForm, useWatch, type FieldValues, type Resolver } from "react-hook-form";
import { FormPageFields, type TFormRenderContext } from "@/components/forms/form-fields";
import { FormSteps } from "@/components/forms/form-steps";
import { buildValidator } from "@/server/forms/build-validator";
import { FIELD_KEY_PATTERN, type TField, type TFormSchema, type TRawAnswers } from "@/server/forms/schema";
import { shownPageKeys } from "@/server/forms/visibility";
import styles from "./form-builder.module.css";

// The live preview: the form as citizens will see it, page by page, drawn by the citizens' own
// renderer (components/forms/form-fields.tsx) on react-hook-form with the validator the server
// runs (buildValidator), so show-if conditions and error messages behave exactly as they will.
// Nothing is saved: answers live in this component only; file fields get no application, which
// is the renderer's preview mode (the picker is disabled, nothing is uploaded).
// "Mobile" draws it in an iframe 375 px wide, so Bootstrap's breakpoints see a phone; "Desktop"
// draws it in the page at the preview's full width.

type TWidth = "mobile" | "desktop";

/** What the renderer can draw while the form is being edited: fields without a usable key (or
 * with a repeated one) and options without a value are left out, broken patterns ignored. */
export function previewSchema(schema: TFormSchema): { schema: TFormSchema; skipped: number } {
  let skipped = 0;
  const usable = (fields: TField[]): TField[] => {
    const seen = new Set<string>();
    return fields.flatMap((f): TField[] => {
      if (!FIELD_KEY_PATTERN.test(f.key) || seen.has(f.key)) {
        skipped++;
        return [];
      }
      seen.add(f.key);
      if (f.type === "group") {
        const sub = usable(f.fields);
        return sub.length ? [{ ...f, fields: sub }] : [];
      }
      if ((f.type === "text" || f.type === "textarea") && f.pattern) {
        try {
          new RegExp(f.pattern, "u");
        } catch {
          return [{ ...f, pattern: undefined }];
        }
      }
      if (f.type === "select" || f.type === "radio" || f.type === "checkboxes") {
        const values = new Set<string>();
        return [{ ...f, options: f.options.filter((o) => o.value && !values.has(o.value) && values.add(o.value)) }];
      }
      return [f];
    });
  };
  const seenTop = new Set<string>();
  const pages = schema.pages.map((page, i) => ({
    ...page,
    // Page keys only address pages here: made unique so each page validates on its own.
    key: `p${i}`,
    fields: usable(page.fields).filter((f) => {
      if (seenTop.has(f.key)) {
        skipped++;
        return false;
      }
      seenTop.add(f.key);
      return true;
    }),
  }));
  return { schema: { version: 1, pages }, skipped };
}

export function FormPreview({
  schema,
  pageIndex,
  onPageChange,
  tenantSlug,
}: {
  schema: TFormSchema;
  pageIndex: number;
  onPageChange: (index: number) => void;
  tenantSlug: string;
}) {
  const t = useTranslations("formBuilder.preview");
  const tFill = useTranslations("forms.fill");
  const id = useId();
  const [width, setWidth] = useState<TWidth>("mobile");
  const preview = useMemo(() => previewSchema(schema), [schema]);
  const pages = preview.schema.pages;
  const index = Math.min(pageIndex, pages.length - 1);
  const page = pages[index]!;

  // Read by the resolver when it runs (events), kept current after each render.
  const current = useRef({ schema: preview.schema, pageKey: page.key });
  useEffect(() => {
    current.current = { schema: preview.schema, pageKey: page.key };
  }, [preview.schema, page.key]);
  const resolver = useMemo<Resolver<FieldValues>>(
    () => (values, context, options) => {
      try {
        return zodResolver(buildValidator(current.current.schema, { mode: "submit", pageKey: current.current.pageKey }))(values, context, options as never);
      } catch {
        return { values: {}, errors: {} };
      }
    },
    [],
  );
  const form = useForm<FieldValues>({ resolver, mode: "onTouched", reValidateMode: "onChange" });
  // The outcome of "Verifica pagina", for the form and page it was about.
  const [checked, setChecked] = useState<{ errors: number; schema: TFormSchema; index: number } | null>(null);
  const verdict = checked && checked.schema === preview.schema && checked.index === index ? checked : null;

  // Another page, or the form edited: old messages would point at fields that changed.
  const { clearErrors } = form;
  useEffect(() => {
    clearErrors();
  }, [preview.schema, index, clearErrors]);

  const answers = useWatch({ control: form.control }) as TRawAnswers;
  const shown = useMemo(() => {
    try {
      return new Set(shownPageKeys(preview.schema, answers ?? {}));
    } catch {
      return new Set(pages.map((p) => p.key));
    }
  }, [preview.schema, answers, pages]);
  const shownPages = pages.filter((p) => shown.has(p.key) || p.key === page.key);
  const ctx: TFormRenderContext = useMemo(() => ({ tenantSlug, applicationId: null, readOnlyKeys: new Set<string>() }), [tenantSlug]);

  const verify = form.handleSubmit(
    () => setChecked({ errors: 0, schema: preview.schema, index }),
    (errors) => setChecked({ errors: Object.keys(errors).length, schema: preview.schema, index }),
  );

  return (
    <section aria-labelledby={`${id}-title`} className="mb-4">
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h2 id={`${id}-title`} className="h5 mb-0">
          {t("title")}
        </h2>
        <div className="btn-group btn-group-sm" role="group" aria-label={t("widthLabel")}>
          {(["mobile", "desktop"] as const).map((w) => (
            <button key={w} type="button" className={`btn ${width === w ? "btn-primary" : "btn-outline-primary"}`} aria-pressed={width === w} onClick={() => setWidth(w)}>
              {t(`width.${w}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="small text-secondary mb-2">{t("lead")}</p>
      {preview.skipped ? <p className="small alert alert-warning py-1 px-2 mb-2">{t("skipped", { count: preview.skipped })}</p> : null}

      <PreviewFrame width={width} title={t("frameTitle", { width: t(`width.${width}`) })}>
        <FormProvider {...form}>
          <FormSteps pages={shownPages} current={shownPages.findIndex((p) => p.key === page.key)} />
          <form noValidate onSubmit={(e) => void verify(e)} className="sp-form" aria-labelledby={`${id}-page-title`}>
            <h3 id={`${id}-page-title`} className="h3 mb-3">
              {page.title || t("untitled")}
            </h3>
            {page.description ? <p className="lead">{page.description}</p> : null}
            {!shown.has(page.key) ? <p className="alert alert-info small">{t("pageSkipped")}</p> : null}
            {page.fields.length === 0 ? <p className="text-secondary">{t("noFields")}</p> : null}
            <fieldset className="sp-form-fields">
              <FormPageFields fields={page.fields} ctx={ctx} />
            </fieldset>
            <div role="status" aria-live="polite">
              {verdict ? (
                <p className={`alert ${verdict.errors ? "alert-danger" : "alert-success"} small`}>
                  {verdict.errors ? tFill("errorSummaryTitle", { count: verdict.errors }) : t("pageOk")}
                </p>
              ) : null}
            </div>
            <div className="d-flex flex-wrap gap-2 border-top pt-3">
              <button type="submit" className="btn btn-primary btn-sm">
                {t("verify")}
              </button>
              <button type="button" className="btn btn-outline-primary btn-sm" disabled={index === 0} onClick={() => onPageChange(index - 1)}>
                {t("previous")}
              </button>
              <button type="button" className="btn btn-outline-primary btn-sm" disabled={index >= pages.length - 1} onClick={() => onPageChange(index + 1)}>
                {t("next")}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary btn-sm ms-auto"
                onClick={() => {
                  form.reset({});
                  setChecked(null);
                }}
              >
                {t("reset")}
              </button>
            </div>
          </form>
        </FormProvider>
      </PreviewFrame>
    </section>
  );
}

/** Copies the page's stylesheets into the iframe (and any added later, e.g. by hot reload). */
function mirrorStyles(doc: Document): () => void {
  const copy = (node: Node) => {
    if (node instanceof HTMLLinkElement ? node.rel === "stylesheet" : node instanceof HTMLStyleElement) doc.head.appendChild(node.cloneNode(true));
  };
  doc.head.replaceChildren();
  document.head.querySelectorAll('link[rel="stylesheet"], style').forEach(copy);
  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(copy)));
  observer.observe(document.head, { childList: true });
  return () => observer.disconnect();
}

function PreviewFrame({ width, title, children }: { width: TWidth; title: string; children: ReactNode }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (width !== "mobile") return;
    const iframe = frame.current;
    if (!iframe) return;
    let stop: (() => void) | undefined;
    let ready: Document | null = null;
    const setup = () => {
      const doc = iframe.contentDocument;
      if (!doc?.body || doc === ready) return;
      ready = doc;
      doc.documentElement.lang = document.documentElement.lang;
      stop?.();
      stop = mirrorStyles(doc);
      doc.body.className = "p-3 bg-white";
      setBody(doc.body);
    };
    setup();
    // Some browsers replace the first document of an iframe when it loads.
    iframe.addEventListener("load", setup);
    return () => {
      iframe.removeEventListener("load", setup);
      stop?.();
      setBody(null);
    };
  }, [width]);

  if (width === "desktop") return <div className="border rounded p-3 bg-white">{children}</div>;
  return (
    <div className={styles.phone}>
      <iframe ref={frame} title={title} className={`${styles.phoneFrame} border rounded bg-white`} />
      {body ? createPortal(children, body) : null}
    </div>
  );
}
