"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import { slugify } from "@/server/services/admin-values";
import { ZCreateTenantValues, type TCreateTenantForm, type TCreateTenantValues } from "@/server/tenants/tenant-values";
import { applyServerErrors, SettingsField, useSettingsFields, HydratedFields } from "./settings-field";

const EMPTY: TCreateTenantForm = { name: "", slug: "", area: "", protocolPrefix: "", contactEmail: "" };

/** "Comune di Monte Prova" → "monte-prova": the address a municipality usually has. */
const suggestSlug = (name: string) => slugify(name.replace(/^\s*comune\s+di\s+/i, ""));

// "Nuovo Comune" on /admin: name, address (suggested from the name until edited), area, protocol
// prefix, contact email; "Crea Comune". Then the next step: invite its first administrator from
// the municipality's back office (/{slug}/backoffice/operatori).
export function CreateTenantForm() {
  const t = useTranslations("admin");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<{ slug: string; name: string } | null>(null);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [slugEdited, setSlugEdited] = useState(false);
  const createdRef = useRef<HTMLDivElement>(null);
  const create = useMutation(trpc.platform.create.mutationOptions());
  const form = useForm<TCreateTenantForm, unknown, TCreateTenantValues>({
    resolver: zodResolver(ZCreateTenantValues),
    defaultValues: EMPTY,
  });
  const text = useSettingsFields(form, "new-tenant");

  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const onNameChange = (e: { target: { value: string } }) => {
    if (!slugEdited) form.setValue("slug", suggestSlug(e.target.value));
  };

  const onValid = async () => {
    setNotice(null);
    setCreated(null);
    try {
      const tenant = await create.mutateAsync({ values: form.getValues() });
      setCreated({ slug: tenant.slug, name: tenant.name });
      form.reset(EMPTY);
      setSlugEdited(false);
      router.refresh();
    } catch (e) {
      const data = applyServerErrors(form, e);
      if (!data.hasFields) setNotice({ tone: "danger", text: tAll(data.messageKey ?? "errors.generic") });
    }
  };

  return (
    <>
      {created ? (
        <div ref={createdRef} tabIndex={-1} className="alert alert-success" role="status" data-testid="tenant-created">
          <p className="mb-2">{t("create.created", { name: created.name })}</p>
          <p className="mb-2">{t("create.next")}</p>
          <div className="d-flex flex-wrap gap-3">
            <Link href={`/${created.slug}/backoffice/operatori`} className="btn btn-primary btn-sm">
              {t("create.invite")}
            </Link>
            <Link href={`/${created.slug}`} className="btn btn-outline-primary btn-sm">
              {t("create.openSite")}
            </Link>
          </div>
        </div>
      ) : null}
      <form className="sp-form" onSubmit={(e) => void form.handleSubmit(onValid)(e)} noValidate data-testid="create-tenant-form">
        <HydratedFields>
          <div className="row">
            <SettingsField {...text("name", { required: true, onChange: onNameChange })} className="col-12 col-lg-6" autoComplete="off" />
            <SettingsField
              {...text("slug", {
                label: t("create.slug"),
                help: t("create.slugHelp", { example: "monteprova" }),
                required: true,
                onChange: () => setSlugEdited(true),
              })}
              className="col-12 col-lg-6"
              inputClassName="identifier"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={64}
            />
            <SettingsField {...text("area")} className="col-12 col-lg-6" />
            <SettingsField
              {...text("protocolPrefix", { help: tAll("tenantSettings.fields.protocolPrefixHelp"), required: true })}
              className="col-12 col-lg-6"
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={6}
            />
            <SettingsField
              {...text("contactEmail", { help: t("create.contactEmailHelp"), required: true })}
              className="col-12 col-lg-6"
              type="email"
              inputMode="email"
              autoComplete="off"
            />
          </div>
          <LiveNotice notice={notice} className="mb-3" />
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? t("create.creating") : t("create.submit")}
          </button>
        </HydratedFields>
      </form>
    </>
  );
}
