"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { CARD_FIELDS, CARD_TEXT_FIELDS, CARD_TEXT_MAX_LENGTH, ZCardValues, type TCardValues } from "@/server/services/admin-values";
import { CategoryField, NameField, ProcessingDaysField } from "./card-fields";
import { SectionNotice, SubmitButton, TextAreaField, useErrorText, useSectionSubmit } from "./editor-kit";

// The service card in the catalogue's fixed format: name, category, the texts citizens read and
// the maximum processing time. Saved as a whole with "Salva scheda"; only changed fields are
// recorded in the history. Read-only for a manager who doesn't manage the service.

export function ServiceCardForm({
  serviceId,
  initial,
  categories,
  readOnly,
}: {
  serviceId: string;
  initial: TCardValues;
  categories: { id: string; name: string }[];
  readOnly: boolean;
}) {
  const t = useTranslations("serviceAdmin");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const form = useForm<TCardValues>({ defaultValues: initial, resolver: zodResolver(ZCardValues), mode: "onTouched" });
  const update = useMutation(trpc.serviceAdmin.update.mutationOptions());
  const { notice, onSubmit } = useSectionSubmit(form, {
    save: (values, expectedVersion) => update.mutateAsync({ serviceId, expectedVersion, values }),
    savedText: t("card.saved"),
    fields: CARD_FIELDS,
  });
  const { register, formState } = form;
  const err = (f: keyof TCardValues) => errorText(formState.errors[f]);

  return (
    <form onSubmit={onSubmit} noValidate data-testid="service-card-form">
      <SectionNotice notice={notice} testId="service-card-notice" />
      <fieldset disabled={readOnly}>
        <legend className="visually-hidden">{t("card.title")}</legend>
        <NameField field={register("name")} error={err("name")} defaultValue={initial.name} />
        <CategoryField field={register("categoryId")} error={err("categoryId")} categories={categories} defaultValue={initial.categoryId} />
        {CARD_TEXT_FIELDS.map((f) => (
          <TextAreaField
            key={f}
            id={`service-${f}`}
            label={t(`fields.${f}`)}
            hint={f === "summary" ? t("fields.summaryHint") : t("fields.textHint")}
            required
            rows={f === "summary" || f === "cost" || f === "contacts" ? 3 : 5}
            maxLength={CARD_TEXT_MAX_LENGTH}
            error={err(f)}
            defaultValue={initial[f]}
            {...register(f)}
          />
        ))}
        <ProcessingDaysField field={register("maxProcessingDays", { valueAsNumber: true })} error={err("maxProcessingDays")} defaultValue={initial.maxProcessingDays} />
      </fieldset>
      {readOnly ? null : <SubmitButton pending={update.isPending} label={t("card.submit")} pendingLabel={t("notice.pending")} />}
    </form>
  );
}
