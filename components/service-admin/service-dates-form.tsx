"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { ZDatesValues, type TDatesValues } from "@/server/services/admin-values";
import { InputField, SectionNotice, SubmitButton, useErrorText, useSectionSubmit } from "./editor-kit";

// The opening window, on Rome's clock (datetime-local inputs; the server converts). Either date
// may be left empty. The closing must come after the opening (checked here and on the server,
// which also refuses a closing already past).

const DATE_FIELDS = [
  { name: "opensAt", id: "service-opens-at", hint: "dates.opensAtHint" },
  { name: "closesAt", id: "service-closes-at", hint: "dates.closesAtHint" },
] as const;

export function ServiceDatesForm({ serviceId, initial, readOnly }: { serviceId: string; initial: TDatesValues; readOnly: boolean }) {
  const t = useTranslations("serviceAdmin");
  const trpc = useTRPC();
  const errorText = useErrorText();
  const form = useForm<TDatesValues>({ defaultValues: initial, resolver: zodResolver(ZDatesValues), mode: "onTouched" });
  const setDates = useMutation(trpc.serviceAdmin.setDates.mutationOptions());
  const { notice, onSubmit } = useSectionSubmit(form, {
    save: (values, expectedVersion) => setDates.mutateAsync({ serviceId, expectedVersion, ...values }),
    savedText: t("dates.saved"),
    fields: ["opensAt", "closesAt"],
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="service-dates-form">
      <SectionNotice notice={notice} testId="service-dates-notice" />
      <fieldset disabled={readOnly}>
        <legend className="visually-hidden">{t("dates.title")}</legend>
        <div className="row">
          {DATE_FIELDS.map((f) => (
            <div key={f.name} className="col-12 col-md-6">
              <InputField
                id={f.id}
                type="datetime-local"
                label={t(`fields.${f.name}`)}
                hint={t(f.hint)}
                error={errorText(form.formState.errors[f.name])}
                defaultValue={initial[f.name]}
                {...form.register(f.name)}
              />
            </div>
          ))}
        </div>
      </fieldset>
      {readOnly ? null : <SubmitButton pending={setDates.isPending} label={t("dates.submit")} pendingLabel={t("notice.pending")} />}
    </form>
  );
}
