"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import { FieldError } from "@/components/forms/field-error";
import type { ServiceStatus } from "@/server/db/generated/client";
import { STAFF_ROLES, type TStaffRole } from "@/server/staff/schemas";

// The fields the invitation and a staff member's page share, for react-hook-form (inside a
// FormProvider). Errors are i18n keys (the zod schemas' messages, or the server's field errors)
// shown next to the field and named by its aria-describedby.

export type TAssignableService = { id: string; name: string; status: ServiceStatus };

function useFieldError(name: string): string | null {
  const { formState } = useFormContext();
  const t = useTranslations();
  const key = formState.errors[name]?.message;
  return typeof key === "string" && key ? (t as unknown as (k: string) => string)(key) : null;
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export function StaffTextField<T extends FieldValues>({
  id,
  name,
  label,
  help,
  type = "text",
  autoComplete,
}: {
  id: string;
  name: Path<T>;
  label: string;
  help?: string;
  type?: "text" | "email";
  autoComplete?: string;
}) {
  const { register } = useFormContext<T>();
  const error = useFieldError(name);
  return (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        type={type}
        className={`form-control${error ? " is-invalid" : ""}`}
        autoComplete={autoComplete}
        spellCheck={type === "email" ? false : undefined}
        inputMode={type === "email" ? "email" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(help && `${id}-help`, error && `${id}-error`)}
        {...register(name)}
      />
      {help ? (
        <small id={`${id}-help`} className="form-text">
          {help}
        </small>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** "Ruolo": the three roles, with what the chosen one may do. */
export function StaffRoleField({ id }: { id: string }) {
  const { register, control } = useFormContext<{ role: TStaffRole }>();
  const t = useTranslations("staffAdmin");
  const tRoles = useTranslations("backoffice.roles");
  const role = useWatch({ control, name: "role" });
  const error = useFieldError("role");
  return (
    // The wrapper's label sits above the select: room for it under a heading or another field.
    <div className="select-wrapper mt-4 mb-4">
      <label htmlFor={id}>{t("form.role")}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-help`, error && `${id}-error`)} {...register("role")}>
        {STAFF_ROLES.map((r) => (
          <option key={r} value={r}>
            {tRoles(r)}
          </option>
        ))}
      </select>
      <small id={`${id}-help`} className="form-text d-block" aria-live="polite">
        {STAFF_ROLES.includes(role) ? t(`roleHelp.${role}`) : null}
      </small>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** "Servizi gestiti": one checkbox per service of the municipality. */
export function StaffServicesField({ id, services }: { id: string; services: TAssignableService[] }) {
  const { register } = useFormContext<{ serviceIds: string[] }>();
  const t = useTranslations("staffAdmin");
  const error = useFieldError("serviceIds");
  return (
    <fieldset className="mb-4" id={id} aria-describedby={describedBy(`${id}-help`, error && `${id}-error`)} aria-invalid={error ? true : undefined}>
      <legend className="h6 fw-semibold mb-2 px-0">{t("form.services")}</legend>
      <p id={`${id}-help`} className="small text-secondary mb-2">
        {services.length ? t("form.servicesHelp") : t("form.noServices")}
      </p>
      {services.map((s, i) => (
        <div key={s.id} className="form-check">
          <input id={`${id}-${i}`} type="checkbox" value={s.id} {...register("serviceIds")} />
          <label htmlFor={`${id}-${i}`}>
            {s.name}
            {s.status !== "PUBLISHED" ? <span className="text-secondary"> ({t(`serviceStatus.${s.status}`)})</span> : null}
          </label>
        </div>
      ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

type TServerErrorData = { code?: string; messageKey?: string; fields?: Record<string, string> };

/**
 * A failed mutation's field errors put on the form's fields (the first focused); what is left
 * is the message for the whole form, or null when every error had its field.
 */
export function applyServerErrors<T extends FieldValues>(
  e: unknown,
  fields: readonly (keyof T & string)[],
  form: { setError: UseFormSetError<T> },
): { messageKey: string | null; code?: string } {
  const data = (e as { data?: TServerErrorData | null }).data ?? {};
  let first = true;
  let placed = false;
  for (const field of fields) {
    const key = data.fields?.[field];
    if (!key) continue;
    form.setError(field as Path<T>, { message: key }, { shouldFocus: first });
    first = false;
    placed = true;
  }
  return { messageKey: placed ? null : (data.messageKey ?? "errors.generic"), code: data.code };
}
