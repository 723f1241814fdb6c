"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import { ZMemberForm, type TMemberForm, type TStaffRole } from "@/server/staff/schemas";
import { applyServerErrors, StaffRoleField, StaffServicesField, type TAssignableService } from "./staff-fields";

// "Ruolo e servizi" of one staff member. One's own role is shown, not editable (the server
// refuses it too); services can be changed for anyone.
export function MemberForm({
  tenantSlug,
  member,
  services,
  self,
}: {
  tenantSlug: string;
  member: { id: string; role: TStaffRole; serviceIds: string[] };
  services: TAssignableService[];
  self: boolean;
}) {
  const t = useTranslations("staffAdmin");
  const tRoles = useTranslations("backoffice.roles");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const update = useMutation(trpc.staffAdmin.update.mutationOptions());
  const form = useForm<TMemberForm>({
    resolver: zodResolver(ZMemberForm),
    defaultValues: { role: member.role, serviceIds: member.serviceIds },
    mode: "onTouched",
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      const done = await update.mutateAsync({ tenantSlug, staffUserId: member.id, role: self ? member.role : values.role, serviceIds: values.serviceIds ?? [] });
      const changed = done.roleChanged || done.servicesChanged;
      setNotice({ tone: changed ? "success" : "warning", text: t(changed ? "member.roleAndServices.saved" : "member.roleAndServices.unchanged") });
      if (changed) startRefresh(() => router.refresh());
    } catch (e) {
      const { messageKey, code } = applyServerErrors(e, ["role", "serviceIds"], form);
      if (messageKey) setNotice({ tone: code === "CONFLICT" ? "warning" : "danger", text: tAll(messageKey) });
    }
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="member-form">
        {self ? (
          <div className="mb-4">
            <p className="mb-1">
              <span className="fw-semibold">{t("form.role")}:</span> {tRoles(member.role)}
            </p>
            <p className="small text-secondary mb-0">{t("member.roleAndServices.ownRole")}</p>
          </div>
        ) : (
          <StaffRoleField id={`${id}-role`} />
        )}
        <StaffServicesField id={`${id}-services`} services={services} />
        <LiveNotice notice={notice} className="mb-3" testId="member-form-notice" />
        <button type="submit" className="btn btn-primary" disabled={update.isPending || refreshing}>
          {update.isPending ? t("member.roleAndServices.saving") : t("member.roleAndServices.submit")}
        </button>
      </form>
    </FormProvider>
  );
}
