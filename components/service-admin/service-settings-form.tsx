"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { SETTINGS_FIELDS, SLUG_MAX_LENGTH, ZSettingsValues, type TSettingsValues } from "@/server/services/admin-values";
import { AccessLevelField } from "./card-fields";
import { CheckboxField, InputField, SectionNotice, SubmitButton, useErrorText, useSectionSubmit } from "./editor-kit";

// The administrators' settings of a service: its address (slug), who may apply (access level),
// whether applicants may withdraw and operators may ask for integrations.

export function ServiceSettingsForm({ serviceId, initial, cataloguePath, published }: { serviceId: string; initial: TSettingsValues; cataloguePath: string; published: boolean }) {
  const t = useTranslations("serviceAdmin");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const form = useForm<TSettingsValues>({ defaultValues: initial, resolver: zodResolver(ZSettingsValues), mode: "onTouched" });
  const update = useMutation(trpc.serviceAdmin.update.mutationOptions());
  const slug = useWatch({ control: form.control, name: "slug" });
  const { notice, onSubmit } = useSectionSubmit(form, {
    save: (values, expectedVersion) => update.mutateAsync({ serviceId, expectedVersion, values }),
    savedText: t("settings.saved"),
    fields: SETTINGS_FIELDS,
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="service-settings-form">
      <SectionNotice notice={notice} testId="service-settings-notice" />
      <InputField
        id="service-slug"
        label={t("fields.slug")}
        hint={`${t("fields.slugHint", { path: `${cataloguePath}/${slug || "…"}` })}${published ? ` ${t("settings.slugWarning")}` : ""}`}
        required
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        spellCheck={false}
        error={errorText(form.formState.errors.slug)}
        defaultValue={initial.slug}
        {...form.register("slug")}
      />
      <AccessLevelField field={form.register("accessLevel")} error={errorText(form.formState.errors.accessLevel)} defaultValue={initial.accessLevel} />
      <fieldset className="mb-4">
        <legend className="h6 fw-semibold">{t("settings.options")}</legend>
        <CheckboxField id="service-allow-withdrawal" label={t("fields.allowWithdrawal")} defaultChecked={initial.allowWithdrawal} {...form.register("allowWithdrawal")} />
        <CheckboxField id="service-allow-integration" label={t("fields.allowIntegration")} defaultChecked={initial.allowIntegration} {...form.register("allowIntegration")} />
      </fieldset>
      <SubmitButton pending={update.isPending} label={t("settings.submit")} pendingLabel={t("notice.pending")} />
    </form>
  );
}
