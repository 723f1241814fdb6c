"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useHydrated } from "@/components/hydration";
import { useTRPC } from "@/components/trpc/provider";
import { GroupNotice } from "./group-notice";
import { useGroupAction } from "./use-group-action";

// Deleting a group, behind a confirmation that says what happens to its services (they stay,
// ungrouped). Then back to the list of groups, which says it was deleted.
export function DeleteGroup({ tenantSlug, group }: { tenantSlug: string; group: { id: string; name: string; memberCount: number } }) {
  const t = useTranslations("serviceGroups.delete");
  const trpc = useTRPC();
  const id = useId();
  const hydrated = useHydrated();
  const { run, notice, busy } = useGroupAction();
  const remove = useMutation(trpc.serviceGroups.delete.mutationOptions());
  const [confirming, setConfirming] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const open = () => {
    setConfirming(true);
    requestAnimationFrame(() => titleRef.current?.focus());
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => openerRef.current?.focus());
  };
  const confirm = () =>
    run(() => remove.mutateAsync({ groupId: group.id }), { success: null, goTo: () => `/${tenantSlug}/backoffice/servizi/gruppi?eliminato=1` });

  return (
    <section aria-labelledby={`${id}-title`} className="border-top pt-4">
      <h2 id={`${id}-title`} className="h4">
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      <GroupNotice notice={notice} />
      {confirming ? (
        <div className="callout-box border border-danger rounded p-3" role="group" aria-labelledby={`${id}-confirm`}>
          <h3 id={`${id}-confirm`} ref={titleRef} tabIndex={-1} className="h5">
            {t("confirmTitle", { name: group.name })}
          </h3>
          <p>{t("confirmBody", { count: group.memberCount })}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-danger" disabled={busy} onClick={confirm}>
              {t("confirm")}
            </button>
            <button type="button" className="btn btn-outline-secondary" disabled={busy} onClick={cancel}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={openerRef} className="btn btn-outline-danger" disabled={!hydrated} onClick={open}>
          {t("open")}
        </button>
      )}
    </section>
  );
}
