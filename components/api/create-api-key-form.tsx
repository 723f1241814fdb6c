"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { errorData } from "@/components/conversation/error-data";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { FieldError } from "@/components/forms/field-error";
import { HydratedFields, SettingsField } from "@/components/settings/settings-field";
import { useTRPC } from "@/components/trpc/provider";
import { API_KEY_RATE_LIMIT_DEFAULT, API_KEY_RATE_LIMIT_MAX, API_KEY_RATE_LIMIT_MIN, ZApiKeyForm, type TApiKeyForm } from "@/server/api/keys-admin-values";
import { API_SCOPES } from "@/server/api/scopes";
import { OneTimeKeyPanel, type TNewKey } from "./one-time-key-panel";

const FIELDS = ["name", "scopes", "expiresOn", "rateLimitPerMinute"] as const;

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

// "Nuova chiave": name, permissions (each with what it allows), expiry (a date, one year ahead
// by default, or none) and requests per minute. The browser checks with the server's own schema;
// on success the key is shown once (OneTimeKeyPanel) and the list above reloads.
export function CreateApiKeyForm({ tenantSlug, defaultExpiresOn, minExpiresOn }: { tenantSlug: string; defaultExpiresOn: string; minExpiresOn: string }) {
  const t = useTranslations("apiKeys");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [created, setCreated] = useState<TNewKey | null>(null);
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const defaults: TApiKeyForm = { name: "", scopes: [], noExpiry: false, expiresOn: defaultExpiresOn, rateLimitPerMinute: API_KEY_RATE_LIMIT_DEFAULT };
  const form = useForm<TApiKeyForm>({ resolver: zodResolver(ZApiKeyForm), defaultValues: defaults, mode: "onTouched" });
  const noExpiry = useWatch({ control: form.control, name: "noExpiry" });
  const { errors } = form.formState;
  const message = (key: unknown) => (typeof key === "string" && key ? tAll(key) : null);

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      const done = await create.mutateAsync({
        tenantSlug,
        name: values.name,
        scopes: values.scopes,
        expiresOn: values.noExpiry ? null : values.expiresOn,
        rateLimitPerMinute: values.rateLimitPerMinute,
      });
      setCreated({ name: done.name, key: done.key });
      form.reset(defaults);
      router.refresh();
    } catch (e) {
      const data = errorData(e);
      let placed = false;
      for (const field of FIELDS) {
        const key = data.fields?.[field];
        if (!key) continue;
        form.setError(field, { message: key }, { shouldFocus: !placed });
        placed = true;
      }
      if (!placed) setNotice({ tone: "danger", text: tAll(data.messageKey ?? "errors.generic") });
    }
  });

  if (created) return <OneTimeKeyPanel created={created} onDismiss={() => setCreated(null)} />;

  const nameError = message(errors.name?.message);
  const scopesError = message(errors.scopes?.message ?? errors.scopes?.root?.message);
  const expiryError = message(errors.expiresOn?.message);
  const rateError = message(errors.rateLimitPerMinute?.message);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="create-api-key-form">
      <HydratedFields>
        <SettingsField
          id={`${id}-name`}
          label={t("create.name")}
          help={t("create.nameHelp")}
          error={nameError}
          autoComplete="off"
          maxLength={120}
          registration={form.register("name")}
        />

        <fieldset className="mb-4" aria-describedby={describedBy(`${id}-scopes-help`, scopesError && `${id}-scopes-error`)}>
          <legend className="h6 mb-1">{t("create.scopes")}</legend>
          <p id={`${id}-scopes-help`} className="form-text small mb-2">
            {t("create.scopesHelp")}
          </p>
          {API_SCOPES.map((scope, i) => (
            <div key={scope} className="form-check mb-2">
              <input
                id={`${id}-scope-${i}`}
                type="checkbox"
                value={scope}
                aria-describedby={`${id}-scope-${i}-help`}
                aria-invalid={scopesError ? true : undefined}
                {...form.register("scopes")}
              />
              <label htmlFor={`${id}-scope-${i}`} className="mb-0">
                <code>{scope}</code>
              </label>
              <small id={`${id}-scope-${i}-help`} className="d-block ms-5 text-secondary-emphasis">
                {t(`scopes.${scope}`)}
              </small>
            </div>
          ))}
          <FieldError id={`${id}-scopes-error`} message={scopesError} />
        </fieldset>

        <fieldset className="mb-4">
          <legend className="h6 mb-3">{t("create.expiry")}</legend>
          <div className="form-group mb-2">
            <label htmlFor={`${id}-expires`} className="active">
              {t("create.expiresOn")}
            </label>
            <input
              id={`${id}-expires`}
              type="date"
              className={`form-control${expiryError ? " is-invalid" : ""}`}
              min={minExpiresOn}
              disabled={noExpiry}
              aria-invalid={expiryError ? true : undefined}
              aria-describedby={describedBy(`${id}-expires-help`, expiryError && `${id}-expires-error`)}
              {...form.register("expiresOn")}
            />
            <small id={`${id}-expires-help`} className="form-text">
              {t("create.expiresOnHelp")}
            </small>
            <FieldError id={`${id}-expires-error`} message={expiryError} />
          </div>
          <div className="form-check">
            <input id={`${id}-no-expiry`} type="checkbox" aria-describedby={`${id}-no-expiry-help`} {...form.register("noExpiry", { onChange: () => form.clearErrors("expiresOn") })} />
            <label htmlFor={`${id}-no-expiry`} className="mb-0">
              {t("create.noExpiry")}
            </label>
            <small id={`${id}-no-expiry-help`} className="d-block ms-5 text-secondary-emphasis">
              {t("create.noExpiryHelp")}
            </small>
          </div>
        </fieldset>

        <div className="form-group mb-4">
          <label htmlFor={`${id}-rate`} className="active">
            {t("create.rateLimit")}
          </label>
          <input
            id={`${id}-rate`}
            type="number"
            inputMode="numeric"
            className={`form-control${rateError ? " is-invalid" : ""}`}
            min={API_KEY_RATE_LIMIT_MIN}
            max={API_KEY_RATE_LIMIT_MAX}
            step={1}
            aria-invalid={rateError ? true : undefined}
            aria-describedby={describedBy(`${id}-rate-help`, rateError && `${id}-rate-error`)}
            {...form.register("rateLimitPerMinute", { valueAsNumber: true })}
          />
          <small id={`${id}-rate-help`} className="form-text">
            {t("create.rateLimitHelp")}
          </small>
          <FieldError id={`${id}-rate-error`} message={rateError} />
        </div>

        <LiveNotice notice={notice} className="mb-3" />
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="create-api-key">
          {create.isPending ? t("create.submitting") : t("create.submit")}
        </button>
      </HydratedFields>
    </form>
  );
}
