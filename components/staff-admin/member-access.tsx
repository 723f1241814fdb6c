"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { LiveNotice, type TNotice } from "@/components/conversation/live-notice";
import { useTRPC } from "@/components/trpc/provider";
import type { TStaffState } from "@/server/staff/admin";

type TErrorLike = { data?: { code?: string; messageKey?: string } | null };

// A staff member's access here: "Disattiva account" / "Riattiva account", each behind a
// confirmation that says what happens; and, for someone who has not chosen a password yet,
// "Reinvia invito". After an action the page is refreshed from the server.
export function MemberAccess({
  tenantSlug,
  tenantName,
  member,
  self,
}: {
  tenantSlug: string;
  tenantName: string;
  member: { id: string; name: string; state: TStaffState };
  self: boolean;
}) {
  const t = useTranslations("staffAdmin.member");
  const tAll = useTranslations() as unknown as (key: string) => string;
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const openerRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const disable = useMutation(trpc.staffAdmin.disable.mutationOptions());
  const enable = useMutation(trpc.staffAdmin.enable.mutationOptions());
  const resend = useMutation(trpc.staffAdmin.resendInvitation.mutationOptions());
  const pending = disable.isPending || enable.isPending || resend.isPending || refreshing;
  const disabled = member.state === "disabled";
  const values = { name: member.name, tenant: tenantName };
  const target = { tenantSlug, staffUserId: member.id };

  const fail = (e: unknown) => {
    const data = (e as TErrorLike).data;
    setNotice({ tone: data?.code === "CONFLICT" ? "warning" : "danger", text: tAll(data?.messageKey ?? "errors.generic") });
  };

  const open = () => {
    setNotice(null);
    setConfirming(true);
    requestAnimationFrame(() => titleRef.current?.focus());
  };
  const close = () => {
    setConfirming(false);
    requestAnimationFrame(() => openerRef.current?.focus());
  };

  const onConfirm = async () => {
    try {
      await (disabled ? enable : disable).mutateAsync(target);
      setConfirming(false);
      setNotice({ tone: "success", text: t(disabled ? "access.enabled" : "access.disabled") });
      startRefresh(() => router.refresh());
    } catch (e) {
      setConfirming(false);
      fail(e);
    }
  };

  const onResend = async () => {
    setNotice(null);
    try {
      const done = await resend.mutateAsync(target);
      setNotice({ tone: "success", text: t("resend.done", { expiresAt: done.expiresAt }) });
      startRefresh(() => router.refresh());
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      {member.state === "invited" ? (
        <section aria-labelledby={`${id}-resend`} className="card shadow-sm rounded border mb-4">
          <div className="card-body">
            <h2 id={`${id}-resend`} className="h5">
              {t("resend.title")}
            </h2>
            <p>{t("resend.lead", values)}</p>
            <button type="button" className="btn btn-outline-primary btn-sm" disabled={pending} onClick={() => void onResend()}>
              {resend.isPending ? t("resend.sending") : t("resend.button")}
            </button>
          </div>
        </section>
      ) : null}

      <section aria-labelledby={`${id}-access`} className="card shadow-sm rounded border mb-4" data-testid="member-access">
        <div className="card-body">
          <h2 id={`${id}-access`} className="h5">
            {t("access.title")}
          </h2>
          <p>{t(disabled ? "access.disabledLead" : member.state === "invited" ? "access.invitedLead" : "access.activeLead", values)}</p>
          <LiveNotice notice={notice} className="mb-3" testId="member-access-notice" />
          {self && !disabled ? (
            <p className="small text-secondary mb-0">{t("access.own")}</p>
          ) : confirming ? (
            <div className="border rounded p-3" role="group" aria-labelledby={`${id}-confirm-title`}>
              <h3 id={`${id}-confirm-title`} ref={titleRef} tabIndex={-1} className="h6">
                {t(disabled ? "access.confirmEnableTitle" : "access.confirmDisableTitle", values)}
              </h3>
              <p>{t(disabled ? "access.confirmEnable" : "access.confirmDisable", values)}</p>
              <div className="d-flex flex-wrap gap-2">
                <button type="button" className={`btn btn-sm ${disabled ? "btn-primary" : "btn-danger"}`} disabled={pending} onClick={() => void onConfirm()}>
                  {pending ? t("access.pending") : t(disabled ? "access.confirmEnableButton" : "access.confirmDisableButton")}
                </button>
                <button type="button" className="btn btn-sm btn-outline-secondary" disabled={pending} onClick={close}>
                  {t("access.cancel")}
                </button>
              </div>
            </div>
          ) : (
            <button
              ref={openerRef}
              type="button"
              className={`btn btn-sm ${disabled ? "btn-outline-primary" : "btn-outline-danger"}`}
              disabled={pending}
              aria-expanded={false}
              onClick={open}
            >
              {t(disabled ? "access.enable" : "access.disable")}
            </button>
          )}
        </div>
      </section>
    </>
  );
}
