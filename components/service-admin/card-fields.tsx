"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ACCESS_LEVELS, MAX_PROCESSING_DAYS, NAME_MAX_LENGTH } from "@/server/services/admin-values";
import { InputField, SelectField } from "./editor-kit";

// Fields of a service that both "Nuovo servizio" and the service's page ask for, with the same
// ids, labels and limits (the e2e finds them by label).

/** `defaultValue`: in the server's HTML too (react-hook-form fills registered fields only once hydrated). */
type TBound = { field: UseFormRegisterReturn; error: string | null; defaultValue?: string | number };

export function NameField({ field, error, defaultValue }: TBound) {
  const t = useTranslations("serviceAdmin.fields");
  return <InputField id="service-name" label={t("name")} required maxLength={NAME_MAX_LENGTH} error={error} defaultValue={defaultValue} {...field} />;
}

export function CategoryField({ field, error, defaultValue, categories, placeholder }: TBound & { categories: { id: string; name: string }[]; placeholder?: boolean }) {
  const t = useTranslations("serviceAdmin.fields");
  return (
    <SelectField id="service-category" label={t("categoryId")} required error={error} defaultValue={defaultValue} {...field}>
      {placeholder ? <option value="">{t("chooseCategory")}</option> : null}
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}

export function AccessLevelField({ field, error, defaultValue }: TBound) {
  const t = useTranslations("serviceAdmin");
  return (
    <SelectField id="service-access-level" label={t("fields.accessLevel")} required error={error} defaultValue={defaultValue} {...field}>
      {ACCESS_LEVELS.map((level) => (
        <option key={level} value={level}>
          {t(`accessLevel.${level}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** Register it with { valueAsNumber: true }. */
export function ProcessingDaysField({ field, error, defaultValue }: TBound) {
  const t = useTranslations("serviceAdmin.fields");
  return (
    <InputField
      id="service-max-days"
      type="number"
      inputMode="numeric"
      min={1}
      max={MAX_PROCESSING_DAYS}
      label={t("maxProcessingDays")}
      hint={t("maxProcessingDaysHint")}
      required
      error={error}
      defaultValue={defaultValue}
      {...field}
    />
  );
}
