"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { TField } from "@/server/forms/schema";
import { useBuilder } from "./builder-context";
import { samePath, type TFieldListPath, type TFieldPath } from "./builder-state";
import { FieldEditor } from "./field-editor";
import { FIELD_TYPES } from "./field-types";
import { fieldDomId, pageDomId, propDomId } from "./ids";
import { MoveButtons } from "./move-buttons";
import styles from "./form-builder.module.css";

// The fields of a page (or of a group): one row each with its label, type and key, the buttons
// to move, duplicate and remove it, and — for the selected one — its settings right below. New
// fields are added by type from the "Aggiungi campo" menu. A group's row holds its own fields,
// one level deep.

const focusSoon = (...ids: string[]) =>
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) return el.focus();
    }
  });

export function FieldList({ list, fields }: { list: TFieldListPath; fields: TField[] }) {
  const t = useTranslations("formBuilder.fields");
  const tt = useTranslations("formBuilder.field.types");
  const { state, dispatch, words, problems } = useBuilder();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const inGroup = list.group !== undefined;
  const pathOf = (i: number): TFieldPath => (inGroup ? { page: list.page, field: list.group!, sub: i } : { page: list.page, field: i });
  const addId = inGroup ? propDomId({ page: list.page, field: list.group! }, "fields-add") : `${pageDomId(list.page)}-fields-add`;

  const problemCount = (path: TFieldPath) =>
    problems.filter((p) => {
      const prefix = ["pages", path.page, "fields", path.field, ...(path.sub === undefined ? [] : ["fields", path.sub])];
      return prefix.every((x, i) => p.path[i] === x);
    }).length;

  const add = (fieldType: (typeof FIELD_TYPES)[number]) => {
    dispatch({ type: "addField", list, fieldType, words });
    setMenuOpen(false);
    const added = pathOf(fields.length);
    focusSoon(propDomId(added, fieldType === "static" ? "text" : "label"));
  };

  return (
    <div>
      {fields.length === 0 ? <p className="text-secondary small mb-2">{inGroup ? t("emptyGroup") : t("empty")}</p> : null}
      <ol className="list-unstyled mb-2">
        {fields.map((field, i) => {
          const path = pathOf(i);
          const selected = samePath(state.selected, path);
          const subSelected = field.type === "group" && state.selected?.sub !== undefined && state.selected.page === path.page && state.selected.field === path.field;
          const count = problemCount(path);
          const name = field.label || field.key;
          const editorId = `${fieldDomId(path)}-editor`;
          return (
            <li key={i} className={`${styles.fieldRow} ${selected ? styles.fieldRowSelected : ""} border rounded mb-2`} id={fieldDomId(path)} tabIndex={-1}>
              <div className="d-flex flex-wrap align-items-center gap-1 p-2">
                <button
                  type="button"
                  id={`${fieldDomId(path)}-select`}
                  className={`btn btn-link text-start text-decoration-none p-1 flex-grow-1 ${styles.fieldSummary}`}
                  aria-expanded={selected}
                  aria-controls={selected ? editorId : undefined}
                  onClick={() => dispatch({ type: "selectField", path: selected ? null : path })}
                >
                  <span className="fw-semibold d-block text-break">
                    {field.label || <span className="fst-italic">{field.type === "static" ? t("staticNoTitle") : t("noLabel")}</span>}
                    {"required" in field && field.required ? <span aria-hidden="true"> *</span> : null}
                  </span>
                  <span className="small text-secondary d-flex flex-wrap gap-2">
                    <span>{tt(field.type)}</span>
                    <code className="text-secondary">{field.key}</code>
                    {"required" in field && field.required ? <span className="visually-hidden">{t("required")}</span> : null}
                    {field.showIf ? <span>{t("conditional")}</span> : null}
                    {count ? <span className="badge bg-warning text-dark">{t("problems", { count })}</span> : null}
                  </span>
                </button>
                <div className="d-flex gap-1 flex-shrink-0">
                  <MoveButtons
                    idPrefix={fieldDomId(path)}
                    name={name}
                    canUp={i > 0}
                    canDown={i < fields.length - 1}
                    onMove={(delta) => {
                      dispatch({ type: "moveField", path, delta });
                      focusSoon(`${fieldDomId(pathOf(i + delta))}-${delta < 0 ? "up" : "down"}`, `${fieldDomId(pathOf(i + delta))}-select`);
                    }}
                  />
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-secondary"
                    aria-label={t("duplicateNamed", { name })}
                    onClick={() => {
                      dispatch({ type: "duplicateField", path, copySuffix: t("copySuffix") });
                      focusSoon(propDomId(pathOf(i + 1), field.type === "static" ? "text" : "label"));
                    }}
                  >
                    {t("duplicate")}
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-outline-danger"
                    aria-label={t("removeNamed", { name })}
                    onClick={() => {
                      dispatch({ type: "removeField", path });
                      focusSoon(`${fieldDomId(pathOf(Math.min(i, fields.length - 2)))}-select`, addId);
                    }}
                  >
                    {t("remove")}
                  </button>
                </div>
              </div>
              {selected || subSelected ? (
                <div id={editorId} className="border-top px-2 pb-3">
                  {selected ? (
                    <FieldEditor path={path} field={field} groupFields={field.type === "group" ? <GroupFields path={path} field={field} /> : undefined} />
                  ) : field.type === "group" ? (
                    <GroupFields path={path} field={field} />
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button type="button" id={addId} className="btn btn-sm btn-primary" aria-expanded={menuOpen} aria-controls={menuId} onClick={() => setMenuOpen((o) => !o)}>
        {inGroup ? t("addToGroup") : t("add")}
      </button>
      {menuOpen ? (
        <div id={menuId} className="border rounded p-2 mt-2 bg-light">
          <p className="small fw-semibold mb-2">{t("chooseType")}</p>
          <ul className={`list-unstyled mb-0 ${styles.typeMenu}`}>
            {FIELD_TYPES.filter((ty) => !(inGroup && ty === "group")).map((ty) => (
              <li key={ty}>
                <button type="button" className="btn btn-sm btn-outline-primary w-100 text-start" onClick={() => add(ty)}>
                  {tt(ty)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function GroupFields({ path, field }: { path: TFieldPath; field: Extract<TField, { type: "group" }> }) {
  const t = useTranslations("formBuilder.fields");
  return (
    <section className="mt-3 ps-2 border-start border-3" aria-label={t("groupFields", { name: field.label || field.key })}>
      <h4 className="h6 fw-semibold">{t("groupFields", { name: field.label || field.key })}</h4>
      <FieldList list={{ page: path.page, group: path.field }} fields={field.fields} />
    </section>
  );
}
