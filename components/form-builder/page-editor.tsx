"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FIELD_KEY_PATTERN } from "@/server/forms/schema";
import { useBuilder } from "./builder-context";
import { ConfirmDialog } from "./confirm-dialog";
import { FieldList } from "./field-list";
import { pageDomId } from "./ids";
import { TextArea, TextInput } from "./inputs";
import { MoveButtons } from "./move-buttons";

// The steps of the form: the list of pages (select, add, reorder, remove with a confirmation),
// then the selected page's title, key and description and its fields.

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function PagesEditor() {
  const t = useTranslations("formBuilder.pages");
  const { state, dispatch, words, problems } = useBuilder();
  const { pages } = state.schema;
  const [removing, setRemoving] = useState<number | null>(null);
  const page = pages[state.page] ?? pages[0]!;
  const pid = (prop: string) => `${pageDomId(state.page)}-${prop}`;
  const keyError = !FIELD_KEY_PATTERN.test(page.key) ? t("keyInvalid") : pages.some((p, i) => i !== state.page && p.key === page.key) ? t("keyTaken") : null;
  const update = (patch: { title?: string; key?: string; description?: string | undefined }) => dispatch({ type: "updatePage", page: state.page, patch });
  const problemsOn = (i: number) => problems.filter((p) => p.path[0] === "pages" && p.path[1] === i).length;

  return (
    <>
      <section aria-labelledby="fb-pages-title" className="mb-4">
        <h2 id="fb-pages-title" className="h5">
          {t("title")}
        </h2>
        <ol className="list-unstyled mb-2">
          {pages.map((p, i) => {
            const current = i === state.page;
            const count = problemsOn(i);
            return (
              <li key={i} className={`d-flex align-items-center gap-1 border rounded mb-1 ${current ? "border-primary border-2" : ""}`}>
                <button
                  type="button"
                  id={`${pageDomId(i)}-select`}
                  className="btn btn-link text-start text-decoration-none flex-grow-1 p-2"
                  aria-current={current ? "step" : undefined}
                  onClick={() => dispatch({ type: "selectPage", page: i })}
                >
                  <span className="fw-semibold">
                    {i + 1}. {p.title || <span className="fst-italic">{t("untitled")}</span>}
                  </span>
                  <span className="small text-secondary ms-2">{t("fieldCount", { count: p.fields.length })}</span>
                  {count ? <span className="badge bg-warning text-dark ms-2">{t("problems", { count })}</span> : null}
                </button>
                <MoveButtons
                  idPrefix={pageDomId(i)}
                  name={p.title || t("untitled")}
                  canUp={i > 0}
                  canDown={i < pages.length - 1}
                  onMove={(delta) => {
                    dispatch({ type: "movePage", page: i, delta });
                    focusSoon(`${pageDomId(i + delta)}-${delta < 0 ? "up" : "down"}`);
                  }}
                />
                <button
                  type="button"
                  id={`${pageDomId(i)}-remove`}
                  className="btn btn-sm btn-outline-danger me-1"
                  disabled={pages.length <= 1}
                  aria-label={t("removeNamed", { name: p.title || t("untitled") })}
                  onClick={() => setRemoving(i)}
                >
                  {t("remove")}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="btn btn-sm btn-outline-primary"
          onClick={() => {
            dispatch({ type: "addPage", words });
            focusSoon(`${pageDomId(pages.length)}-title`);
          }}
        >
          {t("add")}
        </button>
      </section>

      <section aria-labelledby="fb-page-title" className="mb-4">
        <h2 id="fb-page-title" className="h5">
          {t("selected", { n: state.page + 1, title: page.title || t("untitled") })}
        </h2>
        <div className="row g-3 mb-3">
          <div className="col-12 col-md-7">
            <TextInput id={pid("title")} label={t("pageTitle")} value={page.title} onChange={(v) => update({ title: v })} />
          </div>
          <div className="col-12 col-md-5">
            <TextInput id={pid("key")} label={t("pageKey")} value={page.key} onChange={(v) => update({ key: v })} mono error={keyError} />
          </div>
          <div className="col-12">
            <TextArea id={pid("description")} label={t("description")} rows={2} value={page.description ?? ""} onChange={(v) => update({ description: v || undefined })} />
          </div>
        </div>
        <h3 className="h6 fw-semibold">{t("fields")}</h3>
        <FieldList list={{ page: state.page }} fields={page.fields} />
      </section>

      <ConfirmDialog
        open={removing !== null}
        title={t("removeTitle")}
        confirmLabel={t("removeConfirm")}
        cancelLabel={t("cancel")}
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing === null) return;
          dispatch({ type: "removePage", page: removing });
          setRemoving(null);
          focusSoon(`${pageDomId(Math.max(0, removing - 1))}-select`);
        }}
      >
        {removing !== null && pages[removing] ? (
          <p className="mb-0">{t("removeBody", { title: pages[removing].title || t("untitled"), count: pages[removing].fields.length })}</p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
