"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import { ZInviteForm, type TInviteForm } from "@/server/staff/schemas";
import { staffListPath, staffMemberPath } from "@/server/staff/urls";
import { applyServerErrors, StaffRoleField, StaffServicesField, StaffTextField, type TAssignableService } from "./staff-fields";

// "Invita operatore": name, email, role and services. The browser checks with the server's own
// schema; the server's refusals (already on the staff, a service gone) land on their field. On
// success, the person's page, which says what was sent.
export function InviteForm({ tenantSlug, services }: { tenantSlug: string; services: TAssignableService[] }) {
  const t = useTranslations("staffAdmin");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const invite = useMutation(trpc.staffAdmin.invite.mutationOptions());
  const form = useForm<TInviteForm>({
    resolver: zodResolver(ZInviteForm),
    defaultValues: { name: "", email: "", role: "OPERATOR", serviceIds: [] },
    mode: "onTouched",
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      const done = await invite.mutateAsync({ tenantSlug, ...values, serviceIds: values.serviceIds ?? [] });
      const query = new URLSearchParams({ invito: done.kind, ...(done.newAccount ? {} : { esistente: "1" }) });
      router.push(`${staffMemberPath(tenantSlug, done.staffUserId)}?${query.toString()}`);
    } catch (e) {
      const { messageKey } = applyServerErrors(e, ["name", "email", "role", "serviceIds"], form);
      if (messageKey) setNotice({ tone: "danger", text: tAll(messageKey) });
    }
  });

  const busy = invite.isPending || invite.isSuccess;
  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="invite-form">
        <StaffTextField<TInviteForm> id={`${id}-name`} name="name" label={t("form.name")} autoComplete="off" />
        <StaffTextField<TInviteForm> id={`${id}-email`} name="email" type="email" label={t("form.email")} help={t("form.emailHelp")} autoComplete="off" />
        <StaffRoleField id={`${id}-role`} />
        <StaffServicesField id={`${id}-services`} services={services} />
        <LiveNotice notice={notice} className="mb-3" />
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t("invite.submitting") : t("invite.submit")}
          </button>
          <Link href={staffListPath(tenantSlug)} className="btn btn-outline-secondary">
            {t("invite.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
