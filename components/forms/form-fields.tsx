"use client";

import { useTranslations } from "next-intl";
import { Controller, get, useFieldArray, useFormContext, useWatch, type FieldError } from "react-hook-form";
import { formatFieldError } from "@/server/forms/field-error";
import type { TField, TFieldOfType, TLeafField, TRawAnswers } from "@/server/forms/schema";
import { isFieldVisible } from "@/server/forms/visibility";
import { FileUploadField } from "./file-upload-field";
import { FieldError as FieldErrorText } from "./field-error";

// The renderer of a form page: one component per field type, bound to react-hook-form by the
// field's key (answers are flat by key; group items are "key.index.sub"). Citizens fill with it
// and the form builder previews with it. Markup follows Bootstrap Italia's form patterns; every
// input has a visible label, its help text and its error tied with aria-describedby, and
// aria-invalid when wrong.

export type TFormRenderContext = {
  tenantSlug: string;
  /** Needed by file fields (uploads belong to an application); null in previews. */
  applicationId: string | null;
  /** Keys locked to the citizen's identity (SPID/CIE): shown read-only. */
  readOnlyKeys: ReadonlySet<string>;
};

export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

function useFieldError(name: string): string | null {
  const t = useTranslations("forms");
  const { formState } = useFormContext();
  const error = get(formState.errors, name) as FieldError | undefined;
  if (!error) return null;
  // An error may sit on the field itself or on its parts (address.postalCode): show the first.
  if (error.message) return formatFieldError(error.message, t);
  const first = Object.values(error).find((e) => e && typeof e === "object" && "message" in (e as object)) as FieldError | undefined;
  return first?.message ? formatFieldError(first.message, t) : null;
}

function Help({ id, text }: { id: string; text?: string | undefined }) {
  return text ? (
    <small id={id} className="form-text d-block mb-1">
      {text}
    </small>
  ) : null;
}

function ErrorText({ id, message }: { id: string; message: string | null }) {
  return <FieldErrorText id={id} message={message} testId="field-error" />;
}

function describedBy(name: string, help: string | undefined, error: string | null, extra?: string): string | undefined {
  const id = fieldId(name);
  return [help ? `${id}-help` : null, error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;
}

function LabelText({ field, readOnly }: { field: { label?: string | undefined; required?: boolean | undefined }; readOnly?: boolean }) {
  const t = useTranslations("forms.fill");
  return (
    <>
      {field.label}
      {field.required ? <span aria-hidden="true"> *</span> : null}
      {field.required ? <span className="visually-hidden"> ({t("required")})</span> : null}
      {readOnly ? <span className="badge bg-light text-dark border ms-2 fw-normal">{t("fromIdentity")}</span> : null}
    </>
  );
}

const INPUT_TYPE: Partial<Record<TLeafField["type"], { type: string; inputMode?: "text" | "decimal" | "numeric" | "email" | "tel"; autoComplete?: string }>> = {
  text: { type: "text" },
  number: { type: "text", inputMode: "decimal" },
  date: { type: "date" },
  email: { type: "email", inputMode: "email", autoComplete: "email" },
  phone: { type: "tel", inputMode: "tel", autoComplete: "tel" },
  fiscalCode: { type: "text", autoComplete: "off" },
  iban: { type: "text", autoComplete: "off" },
};

const PREFILL_AUTOCOMPLETE: Record<string, string> = { givenName: "given-name", familyName: "family-name", birthDate: "bday", email: "email", phone: "tel" };

type TInputFieldType = "text" | "number" | "date" | "email" | "phone" | "fiscalCode" | "iban";

function InputField({ field, name, readOnly }: { field: TFieldOfType<TInputFieldType>; name: string; readOnly: boolean }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldId(name);
  const spec = INPUT_TYPE[field.type]!;
  const autoComplete = spec.autoComplete ?? ("prefill" in field && field.prefill ? PREFILL_AUTOCOMPLETE[field.prefill] : undefined);
  const unit = field.type === "number" ? field.unit : undefined;
  const input = (
    <input
      id={id}
      type={spec.type}
      inputMode={spec.inputMode}
      autoComplete={autoComplete}
      className={`form-control${error ? " is-invalid" : ""}${field.type === "fiscalCode" || field.type === "iban" ? " text-uppercase" : ""}`}
      aria-invalid={error ? true : undefined}
      aria-required={field.required ? true : undefined}
      aria-describedby={describedBy(name, field.help, error)}
      readOnly={readOnly}
      {...register(name)}
    />
  );
  return (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">
        <LabelText field={field} readOnly={readOnly} />
      </label>
      <Help id={`${id}-help`} text={field.help} />
      {unit ? (
        <div className="input-group">
          {input}
          <span className="input-group-text">{unit}</span>
        </div>
      ) : (
        input
      )}
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

function TextareaField({ field, name, readOnly }: { field: TFieldOfType<"textarea">; name: string; readOnly: boolean }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className="form-group mb-4">
      <label htmlFor={id} className="active">
        <LabelText field={field} readOnly={readOnly} />
      </label>
      <Help id={`${id}-help`} text={field.help} />
      <textarea
        id={id}
        rows={4}
        className={`form-control${error ? " is-invalid" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-required={field.required ? true : undefined}
        aria-describedby={describedBy(name, field.help, error)}
        readOnly={readOnly}
        {...register(name)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

function SelectField({ field, name, readOnly }: { field: TFieldOfType<"select">; name: string; readOnly: boolean }) {
  const { register } = useFormContext();
  const t = useTranslations("forms.fill");
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={id}>
        <LabelText field={field} readOnly={readOnly} />
      </label>
      <Help id={`${id}-help`} text={field.help} />
      <select
        id={id}
        className={error ? "is-invalid" : undefined}
        aria-invalid={error ? true : undefined}
        aria-required={field.required ? true : undefined}
        aria-describedby={describedBy(name, field.help, error)}
        disabled={readOnly}
        {...register(name)}
      >
        <option value="">{t("choose")}</option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

/** Radio buttons, checkboxes and yes/no: a fieldset whose legend is the question. */
function ChoiceField({ field, name, readOnly }: { field: TFieldOfType<"radio" | "checkboxes" | "yesno">; name: string; readOnly: boolean }) {
  const { register } = useFormContext();
  const t = useTranslations("forms.fill");
  const error = useFieldError(name);
  const id = fieldId(name);
  const options = field.type === "yesno" ? [{ value: "true", label: t("yes") }, { value: "false", label: t("no") }] : field.options;
  const type = field.type === "checkboxes" ? "checkbox" : "radio";
  return (
    <fieldset className="mb-4" aria-describedby={describedBy(name, field.help, error)} aria-invalid={error ? true : undefined} id={id}>
      <legend className="h6 fw-semibold mb-2 px-0">
        <LabelText field={field} readOnly={readOnly} />
      </legend>
      <Help id={`${id}-help`} text={field.help} />
      <div className={field.type === "yesno" ? "d-flex gap-4" : undefined}>
        {options.map((o, i) => (
          <div key={o.value} className={`form-check${field.type === "yesno" ? " form-check-inline" : ""}`}>
            <input id={`${id}-${i}`} type={type} value={o.value} disabled={readOnly} {...register(name)} />
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
      <ErrorText id={`${id}-error`} message={error} />
    </fieldset>
  );
}

const ADDRESS_PARTS = [
  { key: "street", autoComplete: "street-address", col: "col-12" },
  { key: "postalCode", autoComplete: "postal-code", col: "col-5 col-md-3", inputMode: "numeric" as const },
  { key: "city", autoComplete: "address-level2", col: "col-7 col-md-6" },
  { key: "province", autoComplete: "address-level1", col: "col-5 col-md-3" },
] as const;

function AddressField({ field, name, readOnly }: { field: TFieldOfType<"address">; name: string; readOnly: boolean }) {
  const { register, formState } = useFormContext();
  const t = useTranslations("forms");
  const id = fieldId(name);
  const whole = get(formState.errors, name) as FieldError | undefined;
  const wholeMessage = whole?.message ? formatFieldError(whole.message, t) : null;
  return (
    <fieldset className="mb-4" id={id} aria-describedby={describedBy(name, field.help, wholeMessage)}>
      <legend className="h6 fw-semibold mb-2 px-0">
        <LabelText field={field} readOnly={readOnly} />
      </legend>
      <Help id={`${id}-help`} text={field.help} />
      <div className="row g-3 mt-1">
        {ADDRESS_PARTS.map((p) => {
          const partName = `${name}.${p.key}`;
          const partError = get(formState.errors, partName) as FieldError | undefined;
          const message = partError?.message ? formatFieldError(partError.message, t) : null;
          const partId = fieldId(partName);
          return (
            <div key={p.key} className={`form-group mb-2 ${p.col}`}>
              <label htmlFor={partId} className="active">
                {t(`fill.address.${p.key}`)}
              </label>
              <input
                id={partId}
                type="text"
                autoComplete={p.autoComplete}
                inputMode={"inputMode" in p ? p.inputMode : undefined}
                maxLength={p.key === "province" ? 2 : p.key === "postalCode" ? 5 : undefined}
                className={`form-control${message ? " is-invalid" : ""}${p.key === "province" ? " text-uppercase" : ""}`}
                aria-invalid={message ? true : undefined}
                aria-describedby={message ? `${partId}-error` : undefined}
                readOnly={readOnly}
                {...register(partName)}
              />
              <ErrorText id={`${partId}-error`} message={message} />
            </div>
          );
        })}
      </div>
      <ErrorText id={`${id}-error`} message={wholeMessage} />
    </fieldset>
  );
}

function FileField({ field, name, ctx }: { field: TFieldOfType<"file">; name: string; ctx: TFormRenderContext }) {
  const { control } = useFormContext();
  const error = useFieldError(name);
  const id = fieldId(name);
  return (
    <div className="mb-4" id={id}>
      <Controller
        control={control}
        name={name}
        render={({ field: rhf }) => (
          <FileUploadField
            tenantSlug={ctx.tenantSlug}
            applicationId={ctx.applicationId}
            field={field}
            fieldKey={name}
            value={Array.isArray(rhf.value) ? rhf.value : []}
            onChange={(v: unknown) => rhf.onChange(v)}
            error={error}
            errorId={`${id}-error`}
          />
        )}
      />
    </div>
  );
}

function StaticText({ field }: { field: TFieldOfType<"static"> }) {
  return (
    <div className="callout note mb-4">
      {field.label ? <div className="callout-title">{field.label}</div> : null}
      {field.text.split(/\n{2,}/).map((para, i) => (
        <p key={i} className="mb-2">
          {para}
        </p>
      ))}
    </div>
  );
}

function GroupField({ field, name, ctx }: { field: TFieldOfType<"group">; name: string; ctx: TFormRenderContext }) {
  const { control } = useFormContext();
  const t = useTranslations("forms.fill");
  const { fields, append, remove } = useFieldArray({ control, name });
  const error = useFieldError(name);
  const id = fieldId(name);
  const itemLabel = field.itemLabel ?? t("item");
  const canAdd = field.maxItems === undefined || fields.length < field.maxItems;
  return (
    <fieldset className="mb-4" id={id} aria-describedby={describedBy(name, field.help, error)}>
      <legend className="h5 mb-2 px-0">
        <LabelText field={field} />
      </legend>
      <Help id={`${id}-help`} text={field.help} />
      {fields.length === 0 ? <p className="text-secondary">{t("groupEmpty")}</p> : null}
      {fields.map((item, index) => (
        <fieldset key={item.id} className="border rounded p-3 mb-3" data-testid="group-item">
          <legend className="h6 float-none w-auto px-2 mb-0">{`${itemLabel} ${index + 1}`}</legend>
          <GroupItemFields field={field} name={`${name}.${index}`} ctx={ctx} />
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => remove(index)}>
            {t("removeItem", { item: `${itemLabel} ${index + 1}` })}
          </button>
        </fieldset>
      ))}
      {canAdd ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => append({})}>
          {t("addItem", { item: itemLabel.toLowerCase() })}
        </button>
      ) : null}
      <ErrorText id={`${id}-error`} message={error} />
    </fieldset>
  );
}

function GroupItemFields({ field, name, ctx }: { field: TFieldOfType<"group">; name: string; ctx: TFormRenderContext }) {
  const answers = (useWatch() ?? {}) as TRawAnswers;
  const item = (useWatch({ name }) ?? {}) as TRawAnswers;
  return (
    <>
      {field.fields.map((sub) =>
        isFieldVisible(sub, answers, item) ? <FormField key={sub.key} field={sub} name={`${name}.${sub.key}`} ctx={ctx} readOnly={false} /> : null,
      )}
    </>
  );
}

export function FormField({ field, name, ctx, readOnly }: { field: TField; name: string; ctx: TFormRenderContext; readOnly: boolean }) {
  switch (field.type) {
    case "text":
    case "number":
    case "date":
    case "email":
    case "phone":
    case "fiscalCode":
    case "iban":
      return <InputField field={field} name={name} readOnly={readOnly} />;
    case "textarea":
      return <TextareaField field={field} name={name} readOnly={readOnly} />;
    case "select":
      return <SelectField field={field} name={name} readOnly={readOnly} />;
    case "radio":
    case "checkboxes":
    case "yesno":
      return <ChoiceField field={field} name={name} readOnly={readOnly} />;
    case "address":
      return <AddressField field={field} name={name} readOnly={readOnly} />;
    case "file":
      return <FileField field={field} name={name} ctx={ctx} />;
    case "static":
      return <StaticText field={field} />;
    case "group":
      return <GroupField field={field} name={name} ctx={ctx} />;
  }
}

/** The visible fields of a page, re-evaluating show-if conditions as the citizen answers. */
export function FormPageFields({ fields, ctx }: { fields: TField[]; ctx: TFormRenderContext }) {
  const answers = (useWatch() ?? {}) as TRawAnswers;
  return (
    <>
      {fields.map((f) => (isFieldVisible(f, answers) ? <FormField key={f.key} field={f} name={f.key} ctx={ctx} readOnly={ctx.readOnlyKeys.has(f.key)} /> : null))}
    </>
  );
}
