"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useRef, useState, useTransition, type ComponentProps, type FormEvent, type ReactNode } from "react";
import type { FieldError as TRHFFieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";
import { FieldError } from "@/components/forms/field-error";
import { useHydrated } from "@/components/hydration";

// What every section of a service's page shares: the Service.version the page showed (each save
// sends it and takes back the new one, so two sections saved one after the other don't trip over
// each other), how a refused save is told (a stale page: "changed meanwhile", the typed text kept
// in the fields; field errors next to their fields; anything else in the section's notice), and
// labelled fields bound to react-hook-form with their hint and error tied by aria-describedby.

export type TErrorLike = { data?: { code?: string; messageKey?: string; fields?: Record<string, string> } | null };
/** `keepFocus`: the notice doesn't take the focus (a field with an error has it). */
export type TNotice = { tone: "success" | "danger" | "warning"; text: string; conflict?: boolean; keepFocus?: boolean };

type TVersionContext = { version: number; setVersion: (v: number) => void; refresh: () => void; refreshing: boolean };

const VersionContext = createContext<TVersionContext | null>(null);

/** Holds the service's version for the sections inside; a server refresh brings the current one. */
export function ServiceVersionProvider({ version: fromServer, children }: { version: number; children: ReactNode }) {
  const router = useRouter();
  const [version, setVersion] = useState(fromServer);
  const [seen, setSeen] = useState(fromServer);
  const [refreshing, startRefresh] = useTransition();
  if (seen !== fromServer) {
    // The page was refreshed. Versions only grow: a refresh started before this page's last save
    // brings an older one, which must not replace the one that save returned.
    setSeen(fromServer);
    setVersion(Math.max(version, fromServer));
  }
  const value = { version, setVersion, refresh: () => startRefresh(() => router.refresh()), refreshing };
  return <VersionContext.Provider value={value}>{children}</VersionContext.Provider>;
}

export function useServiceVersion(): TVersionContext {
  const ctx = useContext(VersionContext);
  if (!ctx) throw new Error("useServiceVersion outside ServiceVersionProvider");
  return ctx;
}

/**
 * A section's notice and the way it reports a refused save: CONFLICT with the stale key → the
 * "changed meanwhile" notice with a reload button; field errors → onFields (next to the fields);
 * anything else → its message.
 */
export function useSaveFeedback() {
  const tAll = useTranslations();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const fail = (e: unknown, onFields?: (fields: Record<string, string>) => boolean) => {
    const data = (e as TErrorLike).data;
    if (data?.code === "CONFLICT" && data.messageKey === "serviceAdmin.errors.stale") {
      setNotice({ tone: "warning", text: tAll("serviceAdmin.notice.conflict"), conflict: true });
      return;
    }
    if (data?.fields && onFields?.(data.fields)) {
      setNotice({ tone: "danger", text: tAll(data.messageKey === "errors.badRequest" ? "serviceAdmin.notice.fixFields" : (data.messageKey ?? "errors.generic")), keepFocus: true });
      return;
    }
    setNotice({ tone: "danger", text: tAll(data?.messageKey ?? "errors.generic") });
  };
  return { notice, setNotice, fail };
}

/**
 * The submit handler of a section saved with the service's version: sends the values with the
 * version the page holds, takes back the new one, marks the form clean with what was saved, says
 * `savedText` and refreshes the page; a refusal goes to the notice or, for `fields`, next to them.
 */
export function useSectionSubmit<T extends FieldValues>(
  form: UseFormReturn<T>,
  opts: { save: (values: T, expectedVersion: number) => Promise<{ version: number }>; savedText: string; fields: readonly string[] },
) {
  const { version, setVersion, refresh } = useServiceVersion();
  const { notice, setNotice, fail } = useSaveFeedback();
  const onSubmit = form.handleSubmit(
    async (values) => {
      setNotice(null);
      try {
        const r = await opts.save(values, version);
        setVersion(r.version);
        form.reset(values);
        setNotice({ tone: "success", text: opts.savedText });
        refresh();
      } catch (e) {
        fail(e, (fields) => setServerFieldErrors(form, fields, opts.fields));
      }
    },
    () => setNotice(null),
  );
  return { notice, onSubmit: (e: FormEvent) => void onSubmit(e) };
}

/** Field errors from the server onto a react-hook-form form; true when at least one field is known. */
export function setServerFieldErrors<T extends FieldValues>(form: UseFormReturn<T>, fields: Record<string, string>, known: readonly string[]): boolean {
  let first: Path<T> | null = null;
  for (const [field, key] of Object.entries(fields)) {
    if (!known.includes(field)) continue;
    form.setError(field as Path<T>, { type: "server", message: key });
    first ??= field as Path<T>;
  }
  if (first) form.setFocus(first);
  return first !== null;
}

/** The section's notice, focused when it appears (and announced); on a conflict, a button that
 * reloads the service's data (the typed text stays in the fields) and then says so. */
export function SectionNotice({ notice, testId }: { notice: TNotice | null; testId?: string }) {
  const t = useTranslations("serviceAdmin.notice");
  const { refresh, refreshing } = useServiceVersion();
  const ref = useRef<HTMLDivElement>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadedFor, setReloadedFor] = useState<TNotice | null>(null);
  if (reloading && !refreshing) {
    // The refresh asked for by the button has arrived.
    setReloading(false);
    setReloadedFor(notice);
  }
  const reloaded = notice !== null && reloadedFor === notice;
  useEffect(() => {
    if (notice && !notice.keepFocus) ref.current?.focus();
  }, [notice, reloaded]);
  return (
    <div aria-live="polite">
      {notice ? (
        <div
          ref={ref}
          tabIndex={-1}
          className={`alert alert-${reloaded ? "info" : notice.tone} mb-5`}
          role={notice.tone === "success" || reloaded ? "status" : "alert"}
          data-testid={testId ?? "service-notice"}
        >
          <p className="mb-0">{reloaded ? t("reloaded") : notice.text}</p>
          {notice.conflict && !reloaded ? (
            <button
              type="button"
              className="btn btn-sm btn-outline-primary mt-2"
              onClick={() => {
                setReloading(true);
                refresh();
              }}
              disabled={refreshing}
            >
              {t("reload")}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** An error message of react-hook-form (an i18n key) as text. */
export function useErrorText() {
  const tAll = useTranslations();
  return (error: TRHFFieldError | undefined) => (error?.message ? tAll(error.message) : null);
}

type TFieldShell = { id: string; label: string; hint?: string | null; error?: string | null; required?: boolean };

/** What every control gets from its shell: id, required, validity and its descriptions. */
function controlProps({ id, hint, error, required }: TFieldShell) {
  return {
    id,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
  } as const;
}

/** Label (the field's name and nothing else: a required field says so with `required`, the
 * forms say which are required in their lead), the control, its hint and its error. */
function FieldShell({ id, label, hint, error, wrapper, children }: TFieldShell & { wrapper: string; children: ReactNode }) {
  return (
    <div className={`${wrapper} mb-4`}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      {children}
      {hint ? (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

const controlClass = (error: string | null | undefined) => `form-control${error ? " is-invalid" : ""}`;

/** A labelled input (text, number, datetime-local…). */
export function InputField({ id, label, hint, error, required, ...input }: TFieldShell & Omit<ComponentProps<"input">, "id" | "className">) {
  const shell = { id, label, hint, error, required };
  return (
    <FieldShell {...shell} wrapper="form-group">
      <input type="text" {...input} {...controlProps(shell)} className={controlClass(error)} />
    </FieldShell>
  );
}

/** A labelled textarea (the card's texts). */
export function TextAreaField({ id, label, hint, error, required, ...textarea }: TFieldShell & Omit<ComponentProps<"textarea">, "id" | "className">) {
  const shell = { id, label, hint, error, required };
  return (
    <FieldShell {...shell} wrapper="form-group">
      <textarea rows={4} {...textarea} {...controlProps(shell)} className={controlClass(error)} />
    </FieldShell>
  );
}

/** A labelled select. */
export function SelectField({ id, label, hint, error, required, children, ...select }: TFieldShell & Omit<ComponentProps<"select">, "id" | "className">) {
  const shell = { id, label, hint, error, required };
  return (
    <FieldShell {...shell} wrapper="select-wrapper">
      <select {...select} {...controlProps(shell)} className={error ? "is-invalid" : undefined}>
        {children}
      </select>
    </FieldShell>
  );
}

/** A form's submit button: waits for hydration (an early tap must not fall back to a native
 * submission, the typed text in the URL) and for the save in progress. */
export function SubmitButton({ pending, label, pendingLabel, className = "btn btn-primary" }: { pending: boolean; label: string; pendingLabel: string; className?: string }) {
  const hydrated = useHydrated();
  return (
    <button type="submit" className={className} disabled={!hydrated || pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}

/** A checkbox with its label. */
export function CheckboxField({ id, label, ...input }: { id: string; label: string } & Omit<ComponentProps<"input">, "id" | "type" | "className">) {
  return (
    <div className="form-check">
      <input {...input} id={id} type="checkbox" />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
