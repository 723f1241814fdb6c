"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { FieldError } from "@/components/forms/field-error";
import { ReasonField } from "@/components/forms/reason-field";
import { useHydrated } from "@/components/hydration";
import { useTRPC } from "@/components/trpc/provider";
import { GROUP_DESCRIPTION_MAX_LENGTH, GROUP_NAME_MAX_LENGTH, ZGroupFields, type TGroupFields } from "@/server/services/groups-values";
import { GroupNotice } from "./group-notice";
import { errorFields, useGroupAction } from "./use-group-action";

// The group's name and description. New group: "Crea gruppo" creates it and opens its page, where
// the members are added. Existing group: "Salva gruppo" saves and says so. The same zod schema
// checks the fields here and on the server; the server's field errors land on the same fields.
export function GroupForm({ tenantSlug, group }: { tenantSlug: string; group?: { id: string; name: string; description: string | null } }) {
  const t = useTranslations("serviceGroups.form");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const id = useId();
  const hydrated = useHydrated();
  const { run, notice, busy } = useGroupAction();
  const create = useMutation(trpc.serviceGroups.create.mutationOptions());
  const update = useMutation(trpc.serviceGroups.update.mutationOptions());
  const form = useForm<TGroupFields>({
    defaultValues: { name: group?.name ?? "", description: group?.description ?? "" },
    resolver: zodResolver(ZGroupFields),
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const message = (key: string | undefined) => (key ? tAll(key) : null);

  // Field errors the server found (the same schema) go next to their fields.
  const onFieldErrors = (e: unknown) => {
    const fields = errorFields(e);
    const refused = (["name", "description"] as const).filter((f) => fields[f]);
    refused.forEach((f, i) => form.setError(f, { message: fields[f] }, { shouldFocus: i === 0 }));
    return refused.length > 0;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    if (group) {
      await run(() => update.mutateAsync({ groupId: group.id, ...values }), { success: t("saved"), onError: onFieldErrors });
      return;
    }
    await run(() => create.mutateAsync(values), {
      success: null,
      onError: onFieldErrors,
      goTo: (created) => `/${tenantSlug}/backoffice/servizi/gruppi/${(created as { id: string }).id}?creato=1`,
    });
  });

  const nameError = message(errors.name?.message);
  return (
    <form onSubmit={onSubmit} noValidate>
      <GroupNotice notice={notice} />
      <div className="form-group mt-4 mb-3">
        <label htmlFor={`${id}-name`} className="active">
          {t("name")}
        </label>
        <input
          id={`${id}-name`}
          type="text"
          className={`form-control${nameError ? " is-invalid" : ""}`}
          maxLength={GROUP_NAME_MAX_LENGTH}
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={[`${id}-name-hint`, nameError ? `${id}-name-error` : null].filter(Boolean).join(" ")}
          {...form.register("name")}
        />
        <small id={`${id}-name-hint`} className="form-text">
          {t("nameHint")}
        </small>
        <FieldError id={`${id}-name-error`} message={nameError} />
      </div>
      <ReasonField
        id={`${id}-description`}
        label={t("description")}
        hint={t("descriptionHint")}
        error={message(errors.description?.message)}
        rows={3}
        maxLength={GROUP_DESCRIPTION_MAX_LENGTH}
        {...form.register("description")}
      />
      <button type="submit" className="btn btn-primary" disabled={!hydrated || isSubmitting || busy}>
        {isSubmitting ? t("saving") : group ? t("save") : t("create")}
      </button>
    </form>
  );
}
