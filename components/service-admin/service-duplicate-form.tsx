"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useTRPC } from "@/components/trpc/provider";
import { NAME_MAX_LENGTH, ZDuplicateServiceInput } from "@/server/services/admin-values";
import { InputField, SectionNotice, SubmitButton, setServerFieldErrors, useErrorText, useSaveFeedback } from "./editor-kit";

// "Duplica servizio" (administrators): the name of the new service; it is created as a draft
// copy and the administrator lands on its page.

const ZName = ZDuplicateServiceInput.pick({ name: true });

export function ServiceDuplicateForm({ serviceId, servicesPath }: { serviceId: string; servicesPath: string }) {
  const t = useTranslations("serviceAdmin.duplicate");
  const trpc = useTRPC();
  const router = useRouter();
  const { notice, setNotice, fail } = useSaveFeedback();
  const errorText = useErrorText();
  const form = useForm<{ name: string }>({ defaultValues: { name: "" }, resolver: zodResolver(ZName), mode: "onTouched" });
  const duplicate = useMutation(trpc.serviceAdmin.duplicate.mutationOptions());
  const busy = duplicate.isPending || duplicate.isSuccess;

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setNotice(null);
    try {
      const r = await duplicate.mutateAsync({ serviceId, name });
      router.push(`${servicesPath}/${r.id}`);
    } catch (e) {
      fail(e, (fields) => setServerFieldErrors(form, fields, ["name"]));
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="service-duplicate-form">
      <SectionNotice notice={notice} testId="service-duplicate-notice" />
      <InputField id="service-duplicate-name" label={t("name")} required maxLength={NAME_MAX_LENGTH} error={errorText(form.formState.errors.name)} {...form.register("name")} />
      <SubmitButton className="btn btn-outline-primary" pending={busy} label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
