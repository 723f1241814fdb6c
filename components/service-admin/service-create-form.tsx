"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import {
  CARD_TEXT_MAX_LENGTH,
  SLUG_MAX_LENGTH,
  ZCreateServiceInput,
  slugify,
  type TCreateServiceInput,
} from "@/server/services/admin-values";
import { AccessLevelField, CategoryField, NameField, ProcessingDaysField } from "./card-fields";
import { InputField, SubmitButton, TextAreaField, setServerFieldErrors, useErrorText, useSaveFeedback } from "./editor-kit";

// "Nuovo servizio" (administrators): the first fields of the card; the service is created as a
// DRAFT and the administrator lands on its page to complete it.

const FIELDS = ["name", "categoryId", "accessLevel", "maxProcessingDays", "summary", "slug"] as const;

export function ServiceCreateForm({ categories, servicesPath }: { categories: { id: string; name: string }[]; servicesPath: string }) {
  const t = useTranslations("serviceAdmin");
  const trpc = useTRPC();
  const router = useRouter();
  const { notice, setNotice, fail } = useSaveFeedback();
  const errorText = useErrorText();
  const form = useForm<TCreateServiceInput>({
    defaultValues: { name: "", categoryId: "", accessLevel: "SPID_L2", maxProcessingDays: 30, summary: "", slug: "" },
    resolver: zodResolver(ZCreateServiceInput),
    mode: "onTouched",
  });
  const create = useMutation(trpc.serviceAdmin.create.mutationOptions());
  const name = useWatch({ control: form.control, name: "name" });
  const err = (f: (typeof FIELDS)[number]) => errorText(form.formState.errors[f]);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setNotice(null);
      try {
        const r = await create.mutateAsync(values);
        router.push(`${servicesPath}/${r.id}`);
      } catch (e) {
        fail(e, (fields) => setServerFieldErrors(form, fields, FIELDS));
      }
    },
    () => setNotice(null),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="service-create-form">
      <p className="small text-secondary">{t("create.allRequired")}</p>
      {notice ? (
        <div className={`alert alert-${notice.tone}`} role="alert">
          {notice.text}
        </div>
      ) : null}
      <NameField field={form.register("name")} error={err("name")} />
      <CategoryField field={form.register("categoryId")} error={err("categoryId")} categories={categories} placeholder />
      <AccessLevelField field={form.register("accessLevel")} error={err("accessLevel")} defaultValue="SPID_L2" />
      <ProcessingDaysField field={form.register("maxProcessingDays", { valueAsNumber: true })} error={err("maxProcessingDays")} defaultValue={30} />
      <TextAreaField
        id="service-summary"
        label={t("fields.summary")}
        hint={t("fields.summaryHint")}
        required
        rows={3}
        maxLength={CARD_TEXT_MAX_LENGTH}
        error={err("summary")}
        {...form.register("summary")}
      />
      <InputField
        id="service-slug"
        label={t("fields.slug")}
        hint={t("fields.slugHintCreate", { example: slugify(name) || "…" })}
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        spellCheck={false}
        error={err("slug")}
        {...form.register("slug")}
      />
      <SubmitButton pending={create.isPending || create.isSuccess} label={t("create.submit")} pendingLabel={t("create.pending")} />
    </form>
  );
}
