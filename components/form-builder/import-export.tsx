"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type ChangeEvent, type FormEvent } from "react";
import type { TBuilderProblem } from "@/server/forms/builder/problems";
import type { TFormSchema } from "@/server/forms/schema";
import type { TFormVersionRow } from "@/server/services/form-versions";
import { useProblemText } from "./problems-panel";
import styles from "./form-builder.module.css";

// "Esporta JSON": the form as it is in the editor (saved or not, made in the browser), the saved
// draft or any published version (from the server, <service>-modulo-v3.json).
// "Importa JSON": a file or pasted text; the server checks it and makes it the draft, or returns
// every problem, listed here in words, with nothing changed.

export function exportUrl(tenantSlug: string, serviceId: string, version: number | "draft") {
  return `/api/${encodeURIComponent(tenantSlug)}/backoffice/servizi/${encodeURIComponent(serviceId)}/modulo.json?versione=${version === "draft" ? "bozza" : version}`;
}

/** Downloads a JSON made in the browser (the editor's form, which may not be saved). */
export function downloadJson(fileName: string, value: unknown) {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportMenu({
  tenantSlug,
  serviceId,
  serviceSlug,
  schema,
  hasDraft,
  versions,
}: {
  tenantSlug: string;
  serviceId: string;
  serviceSlug: string;
  schema: TFormSchema;
  hasDraft: boolean;
  versions: TFormVersionRow[];
}) {
  const t = useTranslations("formBuilder.export");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div
      className="position-relative"
      // The list closes when the focus leaves it or on Esc, like a menu.
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          (e.currentTarget.querySelector("button") as HTMLButtonElement | null)?.focus();
        }
      }}
    >
      <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t("button")}
      </button>
      {open ? (
        <ul id={id} className={`${styles.exportList} list-unstyled border rounded bg-white shadow p-2 mt-1 mb-0 small`}>
          <li>
            <button type="button" className="btn btn-link btn-sm p-1 text-start" onClick={() => downloadJson(`${serviceSlug}-modulo-editor.json`, schema)}>
              {t("editor")}
            </button>
          </li>
          {hasDraft ? (
            <li>
              <a className="btn btn-link btn-sm p-1 text-start" href={exportUrl(tenantSlug, serviceId, "draft")} download>
                {t("draft")}
              </a>
            </li>
          ) : null}
          {versions.map((v) => (
            <li key={v.id}>
              <a className="btn btn-link btn-sm p-1 text-start" href={exportUrl(tenantSlug, serviceId, v.version)} download>
                {t("version", { version: v.version })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ImportPanel({
  dirty,
  busy,
  onImport,
  onClose,
}: {
  dirty: boolean;
  busy: boolean;
  /** Resolves with the problems when refused, null when imported. */
  onImport: (json: string) => Promise<TBuilderProblem[] | null>;
  onClose: () => void;
}) {
  const t = useTranslations("formBuilder.import");
  const text = useProblemText();
  const [json, setJson] = useState("");
  const [problems, setProblems] = useState<TBuilderProblem[] | null>(null);
  const [parsed, setParsed] = useState<unknown>(null);
  const id = useId();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setJson(await file.text());
    setProblems(null);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!json.trim()) return setProblems([{ path: [], key: "formBuilder.import.empty", blocking: true }]);
    try {
      setParsed(JSON.parse(json));
    } catch {
      setParsed(null);
    }
    const result = await onImport(json);
    setProblems(result);
    if (result) requestAnimationFrame(() => document.getElementById(`${id}-problems`)?.focus());
  };

  return (
    <section aria-labelledby={`${id}-title`} className="border rounded mb-3">
      <form className="p-3" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 id={`${id}-title`} className="h5">
          {t("title")}
        </h2>
        <p className="small">{t("lead")}</p>
        {dirty ? <p className="alert alert-warning small py-2">{t("replacesUnsaved")}</p> : null}
        <div className="mb-3">
          <label htmlFor={`${id}-file`} className="form-label fw-semibold">
            {t("file")}
          </label>
          <input id={`${id}-file`} type="file" accept="application/json,.json" className="form-control" onChange={(e) => void onFile(e)} />
        </div>
        <div className="form-group mb-3">
          <label htmlFor={`${id}-text`} className="form-label fw-semibold">
            {t("paste")}
          </label>
          <textarea id={`${id}-text`} className="form-control font-monospace small" rows={8} value={json} spellCheck={false} onChange={(e) => setJson(e.target.value)} />
        </div>
        {problems?.length ? (
          <div id={`${id}-problems`} tabIndex={-1} className="alert alert-danger small" role="alert">
            <p className="fw-semibold mb-1">{t("refused", { count: problems.length })}</p>
            <ul className="mb-0">
              {problems.map((p, i) => (
                <li key={i}>
                  {text.message(p)} <span className="text-secondary">({text.place(parsed, p)})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
            {t("submit")}
          </button>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
            {t("close")}
          </button>
        </div>
      </form>
    </section>
  );
}

export function VersionsList({ tenantSlug, serviceId, versions }: { tenantSlug: string; serviceId: string; versions: TFormVersionRow[] }) {
  const t = useTranslations("formBuilder.versions");
  const format = useFormatter();
  return (
    <section aria-labelledby="fb-versions-title" className="mb-4">
      <h2 id="fb-versions-title" className="h5">
        {t("title")}
      </h2>
      {versions.length === 0 ? (
        <p className="small">{t("none")}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm small">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("publishedAt")}</th>
                <th scope="col">{t("by")}</th>
                <th scope="col" className="text-end">
                  {t("applications")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("export")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    {v.version}
                    {v.current ? <span className="badge bg-success ms-2">{t("current")}</span> : null}
                  </th>
                  <td>{format.dateTime(v.publishedAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td>{v.publishedBy ?? "—"}</td>
                  <td className="text-end">{format.number(v.applications)}</td>
                  <td>
                    <a href={exportUrl(tenantSlug, serviceId, v.version)} download aria-label={t("exportNamed", { version: v.version })}>
                      {t("export")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
