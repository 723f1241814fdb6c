"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { SectionNotice, useSaveFeedback, useServiceVersion } from "./editor-kit";

// "Elimina bozza" (administrators, drafts never published and without applications), behind a
// confirmation; back to the list afterwards.

export function ServiceDelete({ serviceId, name, servicesPath }: { serviceId: string; name: string; servicesPath: string }) {
  const t = useTranslations("serviceAdmin.delete");
  const tl = useTranslations("serviceAdmin.lifecycle");
  const trpc = useTRPC();
  const router = useRouter();
  const { version } = useServiceVersion();
  const { notice, setNotice, fail } = useSaveFeedback();
  const [confirming, setConfirming] = useState(false);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation(trpc.serviceAdmin.delete.mutationOptions());
  const busy = remove.isPending || remove.isSuccess;

  const onConfirm = async () => {
    setNotice(null);
    try {
      await remove.mutateAsync({ serviceId, expectedVersion: version });
      router.push(servicesPath);
    } catch (e) {
      setConfirming(false);
      fail(e);
    }
  };

  return (
    <div data-testid="service-delete">
      <SectionNotice notice={notice} testId="service-delete-notice" />
      {confirming ? (
        <div className="border rounded p-3" role="group" aria-labelledby="service-delete-title">
          <h3 ref={titleRef} id="service-delete-title" className="h6" tabIndex={-1}>
            {t("confirmTitle", { name })}
          </h3>
          <p className="small">{t("confirmBody")}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-sm btn-danger" disabled={busy} onClick={() => void onConfirm()}>
              {busy ? tl("pending") : t("submit")}
            </button>
            <button
              type="button"
              className="btn btn-sm btn-outline-secondary"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => openerRef.current?.focus());
              }}
            >
              {tl("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={openerRef}
          type="button"
          className="btn btn-sm btn-outline-danger"
          aria-expanded={false}
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => titleRef.current?.focus());
          }}
        >
          {t("open")}
        </button>
      )}
    </div>
  );
}
