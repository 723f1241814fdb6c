"use client";

/*
 * The visual form builder of one service (issue 5): pages and fields on the left with the
 * selected field's settings and the live problems; on the right the live preview, drawn by the
 * citizens' own renderer. Saves a draft, publishes it as a new version, discards it, exports and
 * imports JSON (server: server/services/form-versions.ts, router formBuilder).
 *
 * Stable accessible names (Italian), for the e2e and assistive technology. Playwright matches
 * names by substring: use { exact: true } for the short ones ("Etichetta", "Chiave", "Condizione",
 * and the type names, which also appear in the field rows' names).
 *   toolbar   "Salva bozza", "Pubblica nuova versione", "Scarta bozza", "Esporta JSON" (menu:
 *             "Il modulo come è ora nell'editor", "La bozza salvata", "La versione N"), "Importa JSON"
 *             (panel: "File JSON", "Oppure incolla qui il JSON", "Importa come bozza", "Chiudi")
 *   dialogs   "Sì, pubblica la versione N", "Sì, scarta la bozza", "Sì, rimuovi la pagina", "Annulla"
 *   pages     "Aggiungi pagina"; per page its button "N. Titolo …", "Sposta su «T»", "Sposta giù «T»",
 *             "Rimuovi la pagina «T»"; selected page: "Titolo della pagina", "Identificativo della
 *             pagina", "Descrizione della pagina (facoltativa)"
 *   fields    "Aggiungi campo" then a type ("Testo breve", "Testo lungo", "Numero", "Data", "Email",
 *             "Telefono", "Menu a tendina", "Scelta singola", "Scelta multipla", "Sì / No",
 *             "Codice fiscale", "IBAN", "Indirizzo", "Allegato", "Testo informativo", "Gruppo
 *             ripetibile"); in a group "Aggiungi un campo al gruppo". Per field: its row button
 *             (label, type, key: opens the settings), "Sposta su «L»", "Sposta giù «L»",
 *             "Duplica il campo «L»", "Rimuovi il campo «L»"
 *   settings  "Tipo di campo", "Chiave", "Etichetta", "Testo di aiuto", "Obbligatorio";
 *             choices: group "Opzioni" with "Testo dell'opzione N", "Valore dell'opzione N",
 *             "Rimuovi l'opzione «X»", "Aggiungi opzione"; "Scelte minime", "Scelte massime";
 *             number: "Valore minimo", "Valore massimo", "Unità di misura", "Solo numeri interi";
 *             date: "Data minima", "Data massima"; text: "Lunghezza minima", "Lunghezza massima",
 *             "Formato (espressione regolare)", "Messaggio se il formato non corrisponde";
 *             file: group "Formati ammessi" (PDF, JPEG, PNG, P7M), "Dimensione massima (MB)",
 *             "Più file", "Numero massimo di file"; static: "Titolo (facoltativo)", "Contenuto del
 *             testo"; group: "Nome di ogni elemento", "Elementi minimi", "Elementi massimi";
 *             iban: "Solo IBAN italiani"; "Precompila con", "Non modificabile se fornito da SPID/CIE";
 *             "Mostra solo se" (select), then "Se il campo", "Condizione", "Valore da confrontare"
 *             (or group "Valori da confrontare"), "Aggiungi condizione", "JSON della condizione"
 *   preview   "Mobile" / "Desktop" (aria-pressed), the mobile iframe "Anteprima del modulo (Mobile)";
 *             inside: "Verifica pagina", "Pagina precedente", "Pagina successiva", "Svuota risposte"
 *   test ids  builder-status ("Bozza salvata alle …" / "Modifiche non salvate" · "Versione
 *             pubblicata: N"), builder-notice (the outcome of the last action), form-problems
 */

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { builderProblems, sameForm, type TBuilderProblem } from "@/server/forms/builder/problems";
import type { TFieldType } from "@/server/forms/schema";
import type { TFormEditorState } from "@/server/services/form-versions";
import { BuilderContext } from "./builder-context";
import { builderReducer, initialBuilderState, isDirty, type TBuilderWords } from "./builder-state";
import { ConfirmDialog } from "./confirm-dialog";
import { FormPreview } from "./form-preview";
import { problemTarget } from "./ids";
import { downloadJson, ExportMenu, ImportPanel, VersionsList } from "./import-export";
import { PagesEditor } from "./page-editor";
import { ProblemsPanel } from "./problems-panel";
import styles from "./form-builder.module.css";

type TNotice = { tone: "success" | "warning" | "danger" | "info"; text: string; conflict?: boolean };
type TErrorLike = { data?: { code?: string; messageKey?: string } | null };

export function FormBuilder({ tenantSlug, initial }: { tenantSlug: string; initial: TFormEditorState }) {
  const t = useTranslations("formBuilder");
  const tAll = useTranslations();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target = useMemo(() => ({ tenantSlug, serviceId: initial.service.id }), [tenantSlug, initial.service.id]);
  const editorQuery = trpc.formBuilder.get.queryOptions(target);
  const { data: server = initial } = useQuery({ ...editorQuery, initialData: initial, staleTime: 30_000 });

  const [state, dispatch] = useReducer(builderReducer, initial.start, initialBuilderState);
  /** The draft as this editor last saw it (its updatedAt): every write names it; null = no draft. */
  const [token, setToken] = useState<Date | null>(initial.draft?.updatedAt ?? null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [dialog, setDialog] = useState<"publish" | "discard" | null>(null);
  const [importing, setImporting] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const problemsRef = useRef<HTMLElement>(null);
  const pendingFocus = useRef<string[] | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  // The sticky toolbar's height, for the sticky preview to sit below it (CSS variable).
  useEffect(() => {
    const bar = toolbarRef.current;
    const root = rootRef.current;
    if (!bar || !root) return;
    const observer = new ResizeObserver(() => root.style.setProperty("--fb-toolbar", `${bar.offsetHeight}px`));
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  const words = useMemo<TBuilderWords>(
    () => ({
      pageTitle: (n) => t("defaults.page", { n }),
      fieldLabel: (type: TFieldType) => t(`field.types.${type}`),
      option: (n) => t("defaults.option", { n }),
      staticText: t("defaults.staticText"),
      groupField: t("defaults.groupField"),
    }),
    [t],
  );
  const problems = useMemo(() => builderProblems(state.schema), [state.schema]);
  const blocking = problems.some((p) => p.blocking);
  const dirty = isDirty(state);

  const save = useMutation(trpc.formBuilder.saveDraft.mutationOptions());
  const publish = useMutation(trpc.formBuilder.publish.mutationOptions());
  const discard = useMutation(trpc.formBuilder.discardDraft.mutationOptions());
  const importJson = useMutation(trpc.formBuilder.import.mutationOptions());
  const busy = save.isPending || publish.isPending || discard.isPending || importJson.isPending;
  const refresh = useCallback(() => queryClient.fetchQuery({ ...editorQuery, staleTime: 0 }), [queryClient, editorQuery]);

  /** Shows the outcome of an action and moves the focus to it (or to the problems it is about). */
  const say = (n: TNotice, focus: { current: HTMLElement | null } = noticeRef) => {
    setNotice(n);
    requestAnimationFrame(() => focus.current?.focus());
  };
  const failed = (e: unknown) => {
    const data = (e as TErrorLike).data;
    if (data?.code === "CONFLICT") say({ tone: "warning", text: t("conflict"), conflict: true });
    else say({ tone: "danger", text: tAll(data?.messageKey ?? "errors.generic") });
  };
  const showProblems = (text: string) => say({ tone: "danger", text }, problemsRef);

  // ---- Unsaved changes: the browser asks before leaving; links inside the app too.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || a.hasAttribute("download") || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.hash)) return;
      if (!window.confirm(t("leaveConfirm"))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, t]);

  // ---- Problems panel → the input that fixes it (after the page/field is shown).
  const goTo = (p: TBuilderProblem) => {
    const where = problemTarget(p.path);
    if (where.page === null) return problemsRef.current?.focus();
    if (where.field) dispatch({ type: "selectField", path: where.field });
    else dispatch({ type: "selectPage", page: where.page });
    pendingFocus.current = where.ids;
  };
  useEffect(() => {
    const ids = pendingFocus.current;
    if (!ids) return;
    pendingFocus.current = null;
    requestAnimationFrame(() => {
      for (const id of ids) {
        const el = document.getElementById(id);
        if (el) {
          el.scrollIntoView({ block: "center" });
          return el.focus();
        }
      }
    });
  });

  // ---- Actions
  const onSave = async () => {
    if (blocking) return showProblems(t("save.blocked"));
    const revision = state.revision;
    try {
      const result = await save.mutateAsync({ ...target, schema: state.schema, expectedUpdatedAt: token });
      if (!result.ok) return showProblems(t("save.blocked"));
      setToken(result.updatedAt);
      dispatch({ type: "saved", revision });
      say({ tone: "success", text: result.problems.length ? t("save.savedWithProblems", { count: result.problems.length }) : t("save.saved") });
      void refresh();
    } catch (e) {
      failed(e);
    }
  };

  const onPublishClick = () => {
    if (problems.length) return showProblems(t("publish.blocked", { count: problems.length }));
    if (server.current && sameForm(server.current.schema, state.schema)) return say({ tone: "info", text: t("publish.unchanged", { version: server.current.version }) });
    setDialog("publish");
  };
  const onPublish = async () => {
    const revision = state.revision;
    try {
      const result = await publish.mutateAsync({ ...target, schema: state.schema, expectedUpdatedAt: token });
      setDialog(null);
      if (result.status === "problems") return showProblems(t("publish.refused", { count: result.problems.length }));
      if (result.status === "unchanged") return say({ tone: "info", text: t("publish.unchanged", { version: result.version }) });
      setToken(null);
      dispatch({ type: "saved", revision });
      await refresh().catch(() => undefined);
      say({ tone: "success", text: t("publish.done", { version: result.version }) });
    } catch (e) {
      setDialog(null);
      failed(e);
    }
  };

  const onDiscard = async () => {
    try {
      if (token) await discard.mutateAsync({ ...target, expectedUpdatedAt: token });
      const fresh = await refresh();
      dispatch({ type: "load", schema: fresh.start });
      setToken(fresh.draft?.updatedAt ?? null);
      setDialog(null);
      say({ tone: "success", text: fresh.current ? t("discard.done", { version: fresh.current.version }) : t("discard.doneNoVersion") });
    } catch (e) {
      setDialog(null);
      failed(e);
    }
  };

  /** After a conflict: the other administrator's draft replaces this editor's form. */
  const onReload = async () => {
    const fresh = await refresh();
    dispatch({ type: "load", schema: fresh.start });
    setToken(fresh.draft?.updatedAt ?? null);
    say({ tone: "info", text: t("reloaded") });
  };

  const onImport = async (json: string): Promise<TBuilderProblem[] | null> => {
    try {
      const result = await importJson.mutateAsync({ ...target, json, expectedUpdatedAt: token });
      if (!result.ok) return result.problems;
      dispatch({ type: "load", schema: result.schema });
      setToken(result.updatedAt);
      setImporting(false);
      say({ tone: "success", text: t("import.done") });
      void refresh();
      return null;
    } catch (e) {
      failed(e);
      return [];
    }
  };

  const savedAt = !dirty && token ? token : null;
  const sameDay = (d: Date) => d.toDateString() === new Date().toDateString();
  const nextVersion = (server.versions[0]?.version ?? 0) + 1;

  return (
    <BuilderContext.Provider value={{ state, dispatch, words, problems }}>
      {/* sp-form: the citizens' form styles (labels above inputs, not floating). */}
      <div className="sp-form" ref={rootRef}>
        <div ref={toolbarRef} className={`${styles.toolbar} border-bottom mb-3 pb-2`}>
          <div className="d-flex flex-wrap align-items-center gap-2">
            <button type="button" className="btn btn-primary btn-sm" onClick={() => void onSave()} disabled={busy}>
              {save.isPending ? t("save.pending") : t("save.button")}
            </button>
            <button type="button" className="btn btn-success btn-sm" onClick={onPublishClick} disabled={busy}>
              {t("publish.button")}
            </button>
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setDialog("discard")} disabled={busy || (!token && !dirty)}>
              {t("discard.button")}
            </button>
            <ExportMenu
              tenantSlug={tenantSlug}
              serviceId={server.service.id}
              serviceSlug={server.service.slug}
              schema={state.schema}
              hasDraft={!!server.draft}
              versions={server.versions}
            />
            <button type="button" className="btn btn-outline-primary btn-sm" aria-expanded={importing} onClick={() => setImporting((o) => !o)}>
              {t("import.button")}
            </button>
            <p className="mb-0 small ms-xxl-auto" role="status" data-testid="builder-status">
              <span className="fw-semibold">
                {dirty
                  ? t("status.unsaved")
                  : savedAt
                    ? sameDay(savedAt)
                      ? t("status.savedAt", { time: format.dateTime(savedAt, { timeStyle: "short" }) })
                      : t("status.savedOn", { date: format.dateTime(savedAt, { dateStyle: "short", timeStyle: "short" }) })
                    : t("status.noDraft")}
              </span>
              <span aria-hidden="true"> · </span>
              <span>{server.current ? t("status.published", { version: server.current.version }) : t("status.notPublished")}</span>
            </p>
          </div>
        </div>

        <div aria-live="polite">
          {notice ? (
            <div
              ref={noticeRef}
              tabIndex={-1}
              className={`alert alert-${notice.tone} small`}
              role={notice.tone === "danger" || notice.tone === "warning" ? "alert" : "status"}
              data-testid="builder-notice"
            >
              <p className="mb-0">{notice.text}</p>
              {notice.conflict ? (
                <div className="d-flex flex-wrap gap-2 mt-2">
                  <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => downloadJson(`${server.service.slug}-modulo-mie-modifiche.json`, state.schema)}>
                    {t("conflictKeep")}
                  </button>
                  <button type="button" className="btn btn-sm btn-primary" onClick={() => void onReload()}>
                    {t("conflictReload")}
                  </button>
                </div>
              ) : null}
            </div>
          ) : null}
        </div>

        {importing ? <ImportPanel dirty={dirty} busy={importJson.isPending} onImport={onImport} onClose={() => setImporting(false)} /> : null}

        <div className="row g-4">
          <div className="col-12 col-xl-7">
            <ProblemsPanel ref={problemsRef} problems={problems} form={state.schema} onGoTo={goTo} />
            <PagesEditor />
            <VersionsList tenantSlug={tenantSlug} serviceId={server.service.id} versions={server.versions} />
          </div>
          <div className="col-12 col-xl-5">
            <div className={styles.previewColumn}>
              <FormPreview schema={state.schema} pageIndex={state.page} onPageChange={(page) => dispatch({ type: "selectPage", page })} tenantSlug={tenantSlug} />
            </div>
          </div>
        </div>

        <ConfirmDialog
          open={dialog === "publish"}
          title={t("publish.title", { version: nextVersion })}
          confirmLabel={t("publish.confirm", { version: nextVersion })}
          cancelLabel={t("cancel")}
          busy={publish.isPending}
          onConfirm={() => void onPublish()}
          onCancel={() => setDialog(null)}
        >
          <p>{t("publish.body")}</p>
          <p className="mb-0">{t("publish.bodyDrafts")}</p>
        </ConfirmDialog>
        <ConfirmDialog
          open={dialog === "discard"}
          title={t("discard.title")}
          confirmLabel={t("discard.confirm")}
          cancelLabel={t("cancel")}
          danger
          busy={discard.isPending}
          onConfirm={() => void onDiscard()}
          onCancel={() => setDialog(null)}
        >
          <p className="mb-0">{server.current ? t("discard.body", { version: server.current.version }) : t("discard.bodyNoVersion")}</p>
        </ConfirmDialog>
      </div>
    </BuilderContext.Provider>
  );
}
