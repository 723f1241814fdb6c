"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { LiveNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import { PROTOCOL_PREFIX_PATTERN, ZTenantBaseValues, type TTenantBaseForm, type TTenantBaseValues } from "@/server/settings/settings-values";
import { ProtocolPrefixNote } from "./protocol-prefix-note";
import { SettingsField, useSettingsFields, useSettingsSubmit, HydratedFields } from "./settings-field";

// A super-admin edits a municipality's base fields (/admin/comuni/{slug}): name, area, protocol
// prefix, contact email. Same rules and audit line as its administrators' settings.
export function TenantBaseForm({
  tenantId,
  initial,
  updatedAt,
  protocol,
}: {
  tenantId: string;
  initial: TTenantBaseForm;
  updatedAt: Date;
  protocol: { lastNumber: string | null; year: number; nextSeq: number };
}) {
  const t = useTranslations("admin.editPage");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const update = useMutation(trpc.platform.update.mutationOptions());
  const form = useForm<TTenantBaseForm, unknown, TTenantBaseValues>({ resolver: zodResolver(ZTenantBaseValues), defaultValues: initial });
  const text = useSettingsFields(form, "tenant");
  const { notice, onSubmit } = useSettingsSubmit(form, (values) => update.mutateAsync({ tenantId, expectedUpdatedAt: updatedAt, values }), {
    saved: t("saved"),
    unchanged: t("unchanged"),
    fixErrors: t("fixErrors"),
  });
  const typedPrefix = (useWatch({ control: form.control, name: "protocolPrefix" }) ?? "").trim().toUpperCase();

  return (
    <form className="sp-form" onSubmit={onSubmit} noValidate data-testid="tenant-base-form">
      <HydratedFields>
        <SettingsField {...text("name", { help: tAll("tenantSettings.fields.nameHelp"), required: true })} autoComplete="off" />
        <SettingsField {...text("area", { help: tAll("tenantSettings.fields.areaHelp") })} />
        <SettingsField {...text("contactEmail")} type="email" inputMode="email" autoComplete="off" />
        <SettingsField
          {...text("protocolPrefix", { help: tAll("tenantSettings.fields.protocolPrefixHelp"), required: true })}
          autoComplete="off"
          autoCapitalize="characters"
          maxLength={6}
        />
        <div className="mb-4">
          <ProtocolPrefixNote current={initial.protocolPrefix} next={PROTOCOL_PREFIX_PATTERN.test(typedPrefix) ? typedPrefix : null} protocol={protocol} />
        </div>
        <LiveNotice notice={notice} className="mb-3" />
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? t("saving") : t("save")}
        </button>
      </HydratedFields>
    </form>
  );
}
