"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { LiveNotice } from "@/components/conversation/live-notice";
import type { TPrimaryLevel } from "@/components/theme/primary-rewrite";
import { useTRPC } from "@/components/trpc/provider";
import { PROTOCOL_PREFIX_PATTERN, ZTenantSettingsValues, type TTenantSettingsForm, type TTenantSettingsValues } from "@/server/settings/settings-values";
import { BrandColorField, useContrastValues } from "./brand-color-field";
import { ProtocolPrefixNote } from "./protocol-prefix-note";
import { SettingsField, useSettingsFields, useSettingsSubmit, HydratedFields } from "./settings-field";

// The settings of the municipality that are plain values (details, contacts, email sender,
// protocol prefix, main colour): one form, one "Salva impostazioni". Checked in the browser with
// the server's own schema; the server's field errors come back next to the fields. Sends the
// Tenant.updatedAt the page was loaded with: a change made meanwhile by someone else is
// refused, and the page is refreshed with it.
export function TenantSettingsForm({
  tenantSlug,
  initial,
  updatedAt,
  protocol,
  defaultSender,
  levels,
}: {
  tenantSlug: string;
  initial: TTenantSettingsForm;
  updatedAt: Date;
  protocol: { lastNumber: string | null; year: number; nextSeq: number };
  defaultSender: string;
  levels: readonly TPrimaryLevel[];
}) {
  const t = useTranslations("tenantSettings");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const update = useMutation(trpc.tenantSettings.update.mutationOptions());
  const form = useForm<TTenantSettingsForm, unknown, TTenantSettingsValues>({
    resolver: zodResolver(ZTenantSettingsValues),
    defaultValues: initial,
  });
  const { formState, control } = form;
  const [name, prefix, color] = useWatch({ control, name: ["name", "protocolPrefix", "brandColor"] });

  const typedPrefix = (prefix ?? "").trim().toUpperCase();
  const messageValues = useContrastValues(color).values;
  const text = useSettingsFields(form, "settings", messageValues);
  const { notice, onSubmit } = useSettingsSubmit(form, (values) => update.mutateAsync({ tenantSlug, expectedUpdatedAt: updatedAt, values }), {
    saved: t("saved"),
    unchanged: t("unchanged"),
    fixErrors: t("fixErrors"),
  });
  const colorError = formState.errors.brandColor?.message;

  return (
    <form className="sp-form" onSubmit={onSubmit} noValidate data-testid="tenant-settings-form">
      <HydratedFields>
        <SettingsSection id="municipality" title={t("sections.municipality")}>
          <SettingsField {...text("name", { help: t("fields.nameHelp"), required: true })} autoComplete="organization" maxLength={200} />
          <SettingsField {...text("area", { help: t("fields.areaHelp") })} />
        </SettingsSection>

        <SettingsSection id="contacts" title={t("sections.contacts")} lead={t("sections.contactsLead")}>
          <SettingsField {...text("contactEmail")} type="email" inputMode="email" autoComplete="email" />
          <SettingsField {...text("contactPhone", { help: t("fields.contactPhoneHelp") })} type="tel" inputMode="tel" autoComplete="tel" />
          <SettingsField {...text("website", { help: t("fields.websiteHelp") })} type="url" inputMode="url" autoComplete="url" placeholder="https://" />
          <SettingsField {...text("address")} autoComplete="street-address" />
        </SettingsSection>

        <SettingsSection id="sender" title={t("sections.sender")} lead={t("sections.senderLead", { fallback: defaultSender })}>
          <div className="row">
            <SettingsField {...text("emailFromName")} className="col-12 col-md-6" />
            <SettingsField {...text("emailFromAddress")} className="col-12 col-md-6" type="email" inputMode="email" autoComplete="off" />
          </div>
          <p className="small text-muted mb-0">{t("sections.senderNote")}</p>
        </SettingsSection>

        <SettingsSection id="protocol" title={t("sections.protocol")}>
          <SettingsField
            {...text("protocolPrefix", { help: t("fields.protocolPrefixHelp"), required: true })}
            className="protocol-prefix-field"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={6}
          />
          <ProtocolPrefixNote current={initial.protocolPrefix} next={PROTOCOL_PREFIX_PATTERN.test(typedPrefix) ? typedPrefix : null} protocol={protocol} />
        </SettingsSection>

        <SettingsSection id="appearance" title={t("sections.appearance")} lead={t("sections.appearanceLead")}>
          <BrandColorField control={control} levels={levels} tenantName={name || initial.name} error={colorError ? tAll(colorError, messageValues) : null} />
        </SettingsSection>

        <LiveNotice notice={notice} testId="settings-notice" className="mb-3" />
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </button>
      </HydratedFields>
    </form>
  );
}

/** One card of the form: a titled section, with an optional lead paragraph. */
function SettingsSection({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`settings-${id}-title`} className="card shadow-sm rounded border mb-4">
      <div className="card-body card-body-compact">
        <h2 id={`settings-${id}-title`} className={lead === undefined ? "h5 mb-3" : "h5 mb-1"}>
          {title}
        </h2>
        {lead === undefined ? null : <p className="small mb-3">{lead}</p>}
        {children}
      </div>
    </section>
  );
}
