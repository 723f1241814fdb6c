"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { FieldError } from "@/components/forms/field-error";
import { HydratedFields, SettingsField } from "@/components/settings/settings-field";
import { useTRPC } from "@/components/trpc/provider";
import { WEBHOOK_EVENT_TYPES } from "@/server/webhooks/events";
import { WEBHOOK_DESCRIPTION_MAX, ZWebhookEndpointValues, type TWebhookEndpointValuesInput } from "@/server/webhooks/schemas";
import { webhookEventKey } from "./webhook-labels";
import { WebhookSecretPanel } from "./webhook-secret-panel";

const FIELDS = ["url", "description", "events"] as const;
const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

// An endpoint's settings: address, description, events. New endpoint: on success the secret is
// shown once (WebhookSecretPanel) and the list reloads. Existing endpoint: saved in place.
// The browser checks with the server's own schema; the server adds the address checks.
export function WebhookEndpointForm({
  tenantSlug,
  endpoint,
}: {
  tenantSlug: string;
  endpoint?: { id: string; url: string; description: string | null; events: string[] };
}) {
  const t = useTranslations("webhooks");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation(trpc.webhooks.create.mutationOptions());
  const update = useMutation(trpc.webhooks.update.mutationOptions());
  const defaults: TWebhookEndpointValuesInput = endpoint
    ? { url: endpoint.url, description: endpoint.description ?? "", events: endpoint.events as TWebhookEndpointValuesInput["events"] }
    : { url: "", description: "", events: [...WEBHOOK_EVENT_TYPES] };
  const form = useForm<TWebhookEndpointValuesInput>({ resolver: zodResolver(ZWebhookEndpointValues) as never, defaultValues: defaults, mode: "onTouched" });
  const { errors } = form.formState;
  const message = (key: unknown) => (typeof key === "string" && key ? tAll(key) : null);
  const pending = create.isPending || update.isPending;

  const onSubmit = form.handleSubmit(async (raw) => {
    setNotice(null);
    const values = { url: raw.url.trim(), description: raw.description?.trim() || undefined, events: raw.events };
    try {
      if (endpoint) {
        const done = await update.mutateAsync({ tenantSlug, endpointId: endpoint.id, values });
        setNotice({ tone: "success", text: t(done.changed.length ? "form.saved" : "form.unchanged") });
      } else {
        const done = await create.mutateAsync({ tenantSlug, values });
        setSecret(done.secret);
        form.reset(defaults);
      }
      router.refresh();
    } catch (e) {
      const data = errorData(e);
      let placed = false;
      for (const field of FIELDS) {
        const key = data.fields?.[field] ?? data.fields?.[`values.${field}`];
        if (!key) continue;
        form.setError(field, { message: key.startsWith("webhooks.") ? key : "webhooks.errors.invalid" }, { shouldFocus: !placed });
        placed = true;
      }
      if (!placed) setNotice({ tone: "danger", text: tAll(data.messageKey ?? "errors.generic") });
    }
  });

  if (secret) return <WebhookSecretPanel secret={secret} onDismiss={() => setSecret(null)} />;

  const urlError = message(errors.url?.message);
  const descriptionError = message(errors.description?.message);
  const eventsError = message(errors.events?.message ?? errors.events?.root?.message);
  return (
    <form className="pt-2" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="webhook-endpoint-form">
      <HydratedFields>
        <SettingsField
          id={`${id}-url`}
          label={t("form.url")}
          help={t("form.urlHelp")}
          error={urlError}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          registration={form.register("url")}
        />
        <SettingsField
          id={`${id}-description`}
          label={t("form.description")}
          help={t("form.descriptionHelp")}
          error={descriptionError}
          autoComplete="off"
          maxLength={WEBHOOK_DESCRIPTION_MAX}
          registration={form.register("description")}
        />

        <fieldset className="mb-4" aria-describedby={describedBy(`${id}-events-help`, eventsError && `${id}-events-error`)}>
          <legend className="h6 mb-1">{t("form.events")}</legend>
          <p id={`${id}-events-help`} className="form-text small mb-2">
            {t("form.eventsHelp")}
          </p>
          {WEBHOOK_EVENT_TYPES.map((type, i) => (
            <div key={type} className="form-check mb-2">
              <input id={`${id}-event-${i}`} type="checkbox" value={type} aria-invalid={eventsError ? true : undefined} {...form.register("events")} />
              <label htmlFor={`${id}-event-${i}`} className="mb-0">
                {t(webhookEventKey(type))} <code className="small">{type}</code>
              </label>
            </div>
          ))}
          <FieldError id={`${id}-events-error`} message={eventsError} />
        </fieldset>

        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="webhook-endpoint-submit">
          {endpoint ? (pending ? t("form.saving") : t("form.save")) : pending ? t("form.creating") : t("form.create")}
        </button>
        <LiveNotice notice={notice} testId="webhook-endpoint-notice" />
      </HydratedFields>
    </form>
  );
}
