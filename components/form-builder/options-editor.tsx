"use client";

import { useTranslations } from "next-intl";
import { keyFromLabel } from "@/server/forms/builder/problems";
import type { TOption } from "@/server/forms/schema";
import type { TFieldPath } from "./builder-state";
import { propDomId } from "./ids";
import { MoveButtons } from "./move-buttons";

// The options of a select, radio or checkboxes field: label and value of each, add, remove,
// reorder. A value follows its label while it is empty or still the label's own derivation, so
// new options get readable values without typing them twice; then it can be edited on its own.
export function OptionsEditor({ path, options, onChange }: { path: TFieldPath; options: TOption[]; onChange: (options: TOption[]) => void }) {
  const t = useTranslations("formBuilder.options");
  const tDefaults = useTranslations("formBuilder.defaults");
  const id = (suffix: string) => propDomId(path, `options-${suffix}`);
  const set = (i: number, patch: Partial<TOption>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const setLabel = (i: number, label: string) => {
    const o = options[i]!;
    const follows = o.value === "" || o.value === keyFromLabel(o.label, new Set(), "opzione");
    set(i, follows ? { label, value: label.trim() ? keyFromLabel(label, new Set(options.filter((_, j) => j !== i).map((x) => x.value)), "opzione") : "" } : { label });
  };
  const move = (i: number, delta: -1 | 1) => {
    const next = [...options];
    const [item] = next.splice(i, 1);
    next.splice(i + delta, 0, item!);
    onChange(next);
    requestAnimationFrame(() => document.getElementById(id(`${i + delta}-${delta < 0 ? "up" : "down"}`))?.focus());
  };
  const remove = (i: number) => {
    onChange(options.filter((_, j) => j !== i));
    requestAnimationFrame(() => document.getElementById(options.length > 1 ? id(`${Math.max(0, i - 1)}-label`) : id("add"))?.focus());
  };
  const add = () => {
    const label = tDefaults("option", { n: options.length + 1 });
    onChange([...options, { value: keyFromLabel(label, new Set(options.map((o) => o.value)), "opzione"), label }]);
    requestAnimationFrame(() => {
      const input = document.getElementById(id(`${options.length}-label`)) as HTMLInputElement | null;
      input?.focus();
      input?.select();
    });
  };
  return (
    <fieldset className="mb-3" id={propDomId(path, "options")}>
      <legend className="h6 fw-semibold mb-1">{t("legend")}</legend>
      <p className="small text-secondary mb-2">{t("help")}</p>
      {options.length === 0 ? <p className="small">{t("empty")}</p> : null}
      <ol className="list-unstyled mb-2">
        {options.map((o, i) => (
          <li key={i} className="d-flex flex-wrap align-items-end gap-2 border-bottom pb-2 mb-2">
            <div className="flex-grow-1">
              <label className="form-label small mb-0" htmlFor={id(`${i}-label`)}>
                {t("label", { n: i + 1 })}
              </label>
              <input id={id(`${i}-label`)} className="form-control form-control-sm" value={o.label} onChange={(e) => setLabel(i, e.target.value)} />
            </div>
            <div>
              <label className="form-label small mb-0" htmlFor={id(`${i}-value`)}>
                {t("value", { n: i + 1 })}
              </label>
              <input
                id={id(`${i}-value`)}
                className="form-control form-control-sm font-monospace"
                value={o.value}
                onChange={(e) => set(i, { value: e.target.value })}
                spellCheck={false}
              />
            </div>
            <div className="d-flex gap-1">
              <MoveButtons
                idPrefix={id(String(i))}
                name={o.label || t("unnamed", { n: i + 1 })}
                canUp={i > 0}
                canDown={i < options.length - 1}
                onMove={(delta) => move(i, delta)}
              />
              <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => remove(i)} aria-label={t("remove", { name: o.label || t("unnamed", { n: i + 1 }) })}>
                {t("removeShort")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" id={id("add")} className="btn btn-sm btn-outline-primary" onClick={add}>
        {t("add")}
      </button>
    </fieldset>
  );
}
