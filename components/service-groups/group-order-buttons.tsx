"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useHydrated } from "@/components/hydration";
import { useTRPC } from "@/components/trpc/provider";
import type { TMoveDirection } from "@/server/services/groups-values";
import { GroupNotice } from "./group-notice";
import { useGroupAction } from "./use-group-action";

// "Sposta su" / "Sposta giù" for one group of the list (its place in the catalogue). The list
// re-renders in the new order with this row's component kept (keyed by group), so the focus is put
// back on the button just used, or on the other one at either end.
export function GroupOrderButtons({ group, first, last }: { group: { id: string; name: string }; first: boolean; last: boolean }) {
  const t = useTranslations("serviceGroups");
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const { run, notice, busy } = useGroupAction();
  const move = useMutation(trpc.serviceGroups.move.mutationOptions());
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const moved = useRef<TMoveDirection | null>(null);

  useEffect(() => {
    if (busy || !moved.current) return;
    const [same, other] = moved.current === "up" ? [up.current, down.current] : [down.current, up.current];
    (same && !same.disabled ? same : other)?.focus();
    moved.current = null;
  }, [busy, first, last]);

  const onMove = async (direction: TMoveDirection) => {
    if (await run(() => move.mutateAsync({ groupId: group.id, direction }), { success: t("list.moved") })) moved.current = direction;
  };

  return (
    <div>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          ref={up}
          className="btn btn-outline-primary btn-sm"
          aria-label={t("list.moveUp_a11y", { name: group.name })}
          disabled={!hydrated || first}
          onClick={() => onMove("up")}
        >
          {t("members.moveUp")}
        </button>
        <button
          type="button"
          ref={down}
          className="btn btn-outline-primary btn-sm"
          aria-label={t("list.moveDown_a11y", { name: group.name })}
          disabled={!hydrated || last}
          onClick={() => onMove("down")}
        >
          {t("members.moveDown")}
        </button>
      </div>
      <GroupNotice notice={notice} className="mt-2" quietSuccess />
    </div>
  );
}
