"use client";

import { useTranslations } from "next-intl";
import { Icon } from "@/components/icon";

// "Move up" / "move down" for an item of a list (pages, fields, options): buttons with the item's
// name in their accessible label, disabled at the ends. The list refocuses the moved item's button.
export function MoveButtons({ idPrefix, name, canUp, canDown, onMove }: { idPrefix: string; name: string; canUp: boolean; canDown: boolean; onMove: (delta: -1 | 1) => void }) {
  const t = useTranslations("formBuilder.move");
  return (
    <>
      <button
        type="button"
        id={`${idPrefix}-up`}
        className="btn btn-sm btn-outline-secondary px-2"
        disabled={!canUp}
        onClick={() => onMove(-1)}
        aria-label={t("up", { name })}
        title={t("up", { name })}
      >
        <Icon name="it-arrow-up" size="sm" className="icon-current" />
      </button>
      <button
        type="button"
        id={`${idPrefix}-down`}
        className="btn btn-sm btn-outline-secondary px-2"
        disabled={!canDown}
        onClick={() => onMove(1)}
        aria-label={t("down", { name })}
        title={t("down", { name })}
      >
        <Icon name="it-arrow-down" size="sm" className="icon-current" />
      </button>
    </>
  );
}
