"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  FormProvider,
  useForm,
  useWatch,
  type FieldValues,
  type Resolver,
} from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useHydrated } from "@/components/hydration";
import { useTRPC } from "@/components/trpc/provider";
import { buildValidator } from "@/server/forms/build-validator";
import { formatFieldError } from "@/server/forms/field-error";
import type { TFormSchema, TRawAnswers } from "@/server/forms/schema";
import { shownPageKeys } from "@/server/forms/visibility";
import {
  FormPageFields,
  fieldId,
  type TFormRenderContext,
} from "./form-fields";
import { FormSteps } from "./form-steps";
import { toFormValues } from "./form-values";
import { UploadTrackerProvider, useUploadTracker } from "./upload-tracker";

// The multi-step form of one draft. Steps are always visible; answers are saved automatically
// (debounced, and at once when the page is hidden: a citizen who closes the phone finds them on
// any device) and at every "save and continue", where the server checks the page again. Errors
// show next to each field and in a summary announced to screen readers; nothing typed is lost.

const AUTOSAVE_DELAY_MS = 1500;

type TProps = {
  tenantSlug: string;
  applicationId: string;
  schema: TFormSchema;
  initialData: TRawAnswers;
  initialVersion: number;
  initialPageKey: string;
  lastSavedAt: string;
  readOnlyKeys: string[];
};

type TSaveState = {
  kind: "idle" | "saving" | "saved" | "error" | "conflict";
  at?: Date;
};

type TTRPCErrorLike = { data?: { messageKey?: string; code?: string } | null };

export function ApplicationForm(props: TProps) {
  return (
    <UploadTrackerProvider>
      <ApplicationFormPages {...props} />
    </UploadTrackerProvider>
  );
}

function ApplicationFormPages(props: TProps) {
  const t = useTranslations("forms.fill");
  const tAll = useTranslations();
  const tForms = useTranslations("forms");
  const trpc = useTRPC();
  const router = useRouter();
  const pages = props.schema.pages;
  const [pageIndex, setPageIndex] = useState(() =>
    Math.max(
      0,
      pages.findIndex((p) => p.key === props.initialPageKey),
    ),
  );
  const page = pages[pageIndex]!;
  // Read by the resolver at validation time; changed only by goTo (an event, not a render).
  const pageKeyRef = useRef(page.key);

  // The resolver validates only the current page, with the very validator the server runs.
  const resolver = useMemo<Resolver<FieldValues>>(
    () => (values, context, options) =>
      zodResolver(
        buildValidator(props.schema, {
          mode: "submit",
          pageKey: pageKeyRef.current,
        }),
      )(values, context, options as never),
    [props.schema],
  );
  const form = useForm<FieldValues>({
    defaultValues: toFormValues(props.schema, props.initialData),
    resolver,
    mode: "onTouched",
    reValidateMode: "onChange",
  });

  // Pages whose questions are all hidden by show-if conditions are skipped (and not listed).
  const watched = useWatch({ control: form.control }) as TRawAnswers;
  const shown = useMemo(
    () => new Set(shownPageKeys(props.schema, watched)),
    [props.schema, watched],
  );
  const shownPages = pages.filter(
    (p) => shown.has(p.key) || p.key === page.key,
  );
  const stepIndex = shownPages.findIndex((p) => p.key === page.key);
  const nextIndex = pages.findIndex(
    (p, i) => i > pageIndex && shown.has(p.key),
  );
  const prevIndex = pages.findLastIndex(
    (p, i) => i < pageIndex && shown.has(p.key),
  );
  const isLast = nextIndex === -1;

  const versionRef = useRef(props.initialVersion);
  const dirtySinceSave = useRef(false);
  const saveChain = useRef<Promise<unknown>>(Promise.resolve());
  const [saveState, setSaveState] = useState<TSaveState>({
    kind: "saved",
    at: new Date(props.lastSavedAt),
  });
  const [summaryErrors, setSummaryErrors] = useState<
    { name: string; message: string }[]
  >([]);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const errorSummaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const saveMutation = useMutation(trpc.application.save.mutationOptions());
  // The buttons wait for the form's handlers, so an early tap never falls back to a native
  // submission (answers in the URL, nothing checked).
  const hydrated = useHydrated();

  const messageOf = useCallback(
    (e: unknown) =>
      tAll((e as TTRPCErrorLike).data?.messageKey ?? "errors.generic"),
    [tAll],
  );

  /**
   * Saves the current answers. Saves run one after another, in the order asked (a chain of
   * promises): each sends the version the previous one returned, so an autosave and a "save and
   * continue" never race each other into a version conflict. Returns the page problems if asked.
   */
  const save = useCallback(
    (opts: { checkPageKey?: string; currentPageKey?: string } = {}) => {
      const run = async () => {
        dirtySinceSave.current = false;
        setSaveState({ kind: "saving" });
        try {
          const result = await saveMutation.mutateAsync({
            id: props.applicationId,
            data: form.getValues(),
            currentPageKey: opts.currentPageKey ?? pageKeyRef.current,
            expectedVersion: versionRef.current,
            checkPageKey: opts.checkPageKey,
          });
          versionRef.current = result.version;
          setSaveState({ kind: "saved", at: new Date(result.lastSavedAt) });
          return result;
        } catch (e) {
          dirtySinceSave.current = true;
          const code = (e as TTRPCErrorLike).data?.code;
          setSaveState({ kind: code === "CONFLICT" ? "conflict" : "error" });
          setFormMessage(messageOf(e));
          throw e;
        }
      };
      const next = saveChain.current.catch(() => undefined).then(run);
      saveChain.current = next;
      return next;
    },
    [form, messageOf, props.applicationId, saveMutation],
  );

  // Debounced autosave on every change.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        dirtySinceSave.current = true;
        clearTimeout(timer);
        timer = setTimeout(
          () => void save().catch(() => undefined),
          AUTOSAVE_DELAY_MS,
        );
      },
    });
    const flush = () => {
      if (document.visibilityState === "hidden" && dirtySinceSave.current) {
        clearTimeout(timer);
        void save().catch(() => undefined);
      }
    };
    document.addEventListener("visibilitychange", flush);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener("visibilitychange", flush);
    };
  }, [form, save]);

  const showErrors = useCallback(
    (fields: Record<string, string>) => {
      const list = Object.entries(fields).map(([name, message]) => ({
        name,
        message: formatFieldError(message, tForms),
      }));
      for (const [name, message] of Object.entries(fields))
        form.setError(name, { type: "server", message });
      setSummaryErrors(list);
      requestAnimationFrame(() => errorSummaryRef.current?.focus());
    },
    [form, tForms],
  );

  const goTo = useCallback(
    (index: number) => {
      pageKeyRef.current = pages[index]!.key;
      setPageIndex(index);
      setSummaryErrors([]);
      setFormMessage(null);
      const url = new URL(window.location.href);
      url.searchParams.set("passo", pages[index]!.key);
      window.history.replaceState(null, "", url);
      window.scrollTo({ top: 0 });
      requestAnimationFrame(() => headingRef.current?.focus());
    },
    [pages],
  );

  const uploads = useUploadTracker();
  const [waitingForUploads, setWaitingForUploads] = useState(false);

  // A file still being sent is not missing: wait for it, saying so, then check the page.
  const onNext = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (uploads && uploads.inFlight > 0) {
      setWaitingForUploads(true);
      await uploads.idle();
      setWaitingForUploads(false);
    }
    await checkAndContinue();
  };

  const checkAndContinue = () =>
    form.handleSubmit(
      async () => {
        setSummaryErrors([]);
        const nextKey = isLast ? page.key : pages[nextIndex]!.key;
        try {
          const result = await save({
            checkPageKey: page.key,
            currentPageKey: nextKey,
          });
          if (Object.keys(result.fields).length > 0) {
            showErrors(result.fields);
            return;
          }
        } catch {
          return;
        }
        if (isLast)
          router.push(
            `/${props.tenantSlug}/domande/${props.applicationId}/riepilogo`,
          );
        else goTo(nextIndex);
      },
      (errors) => {
        const fields: Record<string, string> = {};
        const walk = (node: unknown, path: string[]) => {
          if (!node || typeof node !== "object") return;
          const n = node as { message?: unknown; type?: unknown };
          if (typeof n.message === "string" && typeof n.type === "string") {
            fields[path.join(".")] = n.message;
            return;
          }
          for (const [k, v] of Object.entries(node))
            if (k !== "ref") walk(v, [...path, k]);
        };
        walk(errors, []);
        setSummaryErrors(
          Object.entries(fields).map(([name, message]) => ({
            name,
            message: formatFieldError(message, tForms),
          })),
        );
        requestAnimationFrame(() => errorSummaryRef.current?.focus());
      },
    )();

  const onBack = async () => {
    await save().catch(() => undefined);
    goTo(prevIndex);
  };

  const ctx: TFormRenderContext = useMemo(
    () => ({
      tenantSlug: props.tenantSlug,
      applicationId: props.applicationId,
      readOnlyKeys: new Set(props.readOnlyKeys),
    }),
    [props.applicationId, props.readOnlyKeys, props.tenantSlug],
  );

  return (
    <FormProvider {...form}>
      <FormSteps pages={shownPages} current={stepIndex} />
      <form
        noValidate
        onSubmit={(e) => void onNext(e)}
        aria-labelledby="form-page-title"
        className="sp-form"
        data-testid="application-form"
      >
        <h2
          id="form-page-title"
          ref={headingRef}
          tabIndex={-1}
          className="h3 mb-3"
        >
          {page.title}
        </h2>
        {page.description ? <p className="lead">{page.description}</p> : null}

        {summaryErrors.length > 0 ? (
          <div
            ref={errorSummaryRef}
            tabIndex={-1}
            className="alert alert-danger"
            role="alert"
            data-testid="error-summary"
          >
            <h3 className="h5">
              {t("errorSummaryTitle", { count: summaryErrors.length })}
            </h3>
            <ul className="mb-0">
              {summaryErrors.map((e) => (
                <li key={e.name}>
                  <a href={`#${fieldId(e.name)}`}>{e.message}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {formMessage && saveState.kind !== "saved" ? (
          <div className="alert alert-warning" role="alert">
            <p className="mb-2">{formMessage}</p>
            {saveState.kind === "conflict" ? (
              <button
                type="button"
                className="btn btn-sm btn-outline-primary"
                onClick={() => window.location.reload()}
              >
                {t("reload")}
              </button>
            ) : null}
          </div>
        ) : null}

        {/* Until hydration the fields are disabled: a choice made before react-hook-form takes
            over would be silently reset to the saved answer (seen in CI on a resumed draft). */}
        <fieldset disabled={!hydrated} className="sp-form-fields">
          <FormPageFields fields={page.fields} ctx={ctx} />
        </fieldset>

        <p
          className="small text-secondary mb-3"
          role="status"
          aria-live="polite"
          data-testid="save-status"
        >
          {waitingForUploads
            ? t("waitingForUploads")
            : saveState.kind === "saving"
            ? t("saving")
            : saveState.kind === "saved" && saveState.at
              ? t("savedAt", { time: saveState.at })
              : saveState.kind === "error"
                ? t("saveFailed")
                : ""}
        </p>

        <div className="d-flex flex-column-reverse flex-sm-row justify-content-between gap-3 border-top pt-4">
          {prevIndex >= 0 ? (
            <button
              type="button"
              className="btn btn-outline-primary"
              onClick={() => void onBack()}
            >
              {t("back")}
            </button>
          ) : (
            <span />
          )}
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!hydrated || waitingForUploads || form.formState.isSubmitting}
          >
            {isLast ? t("toSummary") : t("next")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
