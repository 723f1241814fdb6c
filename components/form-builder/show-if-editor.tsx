"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/forms/field-error";
import { ZCondition, type TCondition, type TConditionValue, type TField } from "@/server/forms/schema";
import { propDomId } from "./ids";
import type { TFieldPath } from "./builder-state";

// "Mostra solo se": when a field is shown, as the citizen's answers to earlier fields say. The
// simple cases are picked from lists (a field before this one, "è uguale a" / "è uno tra" / "non è
// vuoto", a value among the field's options); several conditions combine with "all" or "any";
// anything deeper is edited as JSON.

type TLeaf = Extract<TCondition, { field: string }>;
type TMode = "none" | "one" | "all" | "any" | "json";
type TOperator = "equals" | "in" | "notEmpty";

const isLeaf = (c: TCondition): c is TLeaf => "field" in c;

function modeOf(c: TCondition | undefined): TMode {
  if (!c) return "none";
  if (isLeaf(c)) return "one";
  if ("all" in c && c.all.every(isLeaf)) return "all";
  if ("any" in c && c.any.every(isLeaf)) return "any";
  return "json";
}

const leavesOf = (c: TCondition | undefined): TLeaf[] => (!c ? [] : isLeaf(c) ? [c] : "all" in c ? (c.all as TLeaf[]) : "any" in c ? (c.any as TLeaf[]) : []);
const operatorOf = (leaf: TLeaf): TOperator => ("equals" in leaf ? "equals" : "in" in leaf ? "in" : "notEmpty");
const choicesOf = (f: TField | undefined): { value: TConditionValue; label: string }[] | null =>
  !f ? null : f.type === "select" || f.type === "radio" || f.type === "checkboxes" ? f.options.map((o) => ({ value: o.value, label: o.label || o.value })) : null;

/** A sensible first condition on a field: its first option, "yes", or "answered". */
function defaultLeaf(field: TField): TLeaf {
  if (field.type === "yesno") return { field: field.key, equals: true };
  const choices = choicesOf(field);
  if (choices?.length) return { field: field.key, equals: choices[0]!.value };
  return { field: field.key, notEmpty: true };
}

export function ShowIfEditor({
  path,
  condition,
  candidates,
  onChange,
}: {
  path: TFieldPath;
  condition: TCondition | undefined;
  /** The fields this one may depend on (earlier ones), nearest last. */
  candidates: TField[];
  onChange: (condition: TCondition | undefined) => void;
}) {
  const t = useTranslations("formBuilder.showIf");
  const mode = modeOf(condition);
  const leaves = leavesOf(condition);
  const modeId = propDomId(path, "showIf");
  const byKey = new Map(candidates.map((f) => [f.key, f]));

  const combine = (m: TMode, list: TLeaf[]): TCondition | undefined => (list.length === 0 ? undefined : m === "one" ? list[0] : m === "all" ? { all: list } : { any: list });

  const setMode = (next: TMode) => {
    if (next === "none") return onChange(undefined);
    if (next === "json") return onChange(condition ?? (candidates.length ? defaultLeaf(candidates[candidates.length - 1]!) : undefined));
    const list = leaves.length ? leaves : candidates.length ? [defaultLeaf(candidates[candidates.length - 1]!)] : [];
    onChange(combine(next, next === "one" ? list.slice(0, 1) : list));
  };
  const setLeaf = (i: number, leaf: TLeaf) =>
    onChange(
      combine(
        mode,
        leaves.map((l, j) => (j === i ? leaf : l)),
      ),
    );
  const removeLeaf = (i: number) =>
    onChange(
      combine(
        mode,
        leaves.filter((_, j) => j !== i),
      ),
    );
  const addLeaf = () => candidates.length && onChange(combine(mode, [...leaves, defaultLeaf(candidates[candidates.length - 1]!)]));

  return (
    <div className="mt-3 mb-3 border rounded p-2">
      <div className="select-wrapper mb-2">
        <label htmlFor={modeId} className="form-label fw-semibold mb-1">
          {t("legend")}
        </label>
        <select id={modeId} value={mode} onChange={(e) => setMode(e.target.value as TMode)} aria-describedby={candidates.length ? undefined : `${modeId}-none`}>
          <option value="none">{t("mode.none")}</option>
          {candidates.length || mode !== "none" ? (
            <>
              <option value="one">{t("mode.one")}</option>
              <option value="all">{t("mode.all")}</option>
              <option value="any">{t("mode.any")}</option>
            </>
          ) : null}
          <option value="json">{t("mode.json")}</option>
        </select>
        {candidates.length === 0 ? (
          <small id={`${modeId}-none`} className="form-text d-block">
            {t("noCandidates")}
          </small>
        ) : null}
      </div>

      {mode === "one" || mode === "all" || mode === "any" ? (
        <>
          <ol className="list-unstyled mb-2">
            {leaves.map((leaf, i) => (
              <li key={i} className="mb-2">
                <LeafEditor
                  idPrefix={propDomId(path, `showIf-${i}`)}
                  n={i + 1}
                  leaf={leaf}
                  target={byKey.get(leaf.field)}
                  candidates={candidates}
                  onChange={(l) => setLeaf(i, l)}
                  onRemove={mode === "one" ? null : () => removeLeaf(i)}
                />
              </li>
            ))}
          </ol>
          {mode !== "one" ? (
            <button type="button" className="btn btn-sm btn-outline-primary" onClick={addLeaf}>
              {t("addCondition")}
            </button>
          ) : null}
        </>
      ) : null}
      {mode === "json" ? <JsonCondition id={propDomId(path, "showIf-json")} condition={condition} onChange={onChange} /> : null}
    </div>
  );
}

function LeafEditor({
  idPrefix,
  n,
  leaf,
  target,
  candidates,
  onChange,
  onRemove,
}: {
  idPrefix: string;
  n: number;
  leaf: TLeaf;
  target: TField | undefined;
  candidates: TField[];
  onChange: (leaf: TLeaf) => void;
  onRemove: (() => void) | null;
}) {
  const t = useTranslations("formBuilder.showIf");
  const tf = useTranslations("forms.fill");
  const operator = operatorOf(leaf);
  const choices =
    target?.type === "yesno"
      ? [
          { value: true, label: tf("yes") },
          { value: false, label: tf("no") },
        ]
      : choicesOf(target);
  const valueOnly = target?.type === "group" || target?.type === "file" || target?.type === "address";
  const values: TConditionValue[] = "equals" in leaf ? [leaf.equals] : "in" in leaf ? leaf.in : [];

  const setOperator = (op: TOperator) => {
    const first = values[0] ?? choices?.[0]?.value ?? "";
    onChange(
      op === "notEmpty"
        ? { field: leaf.field, notEmpty: true }
        : op === "equals"
          ? { field: leaf.field, equals: first }
          : { field: leaf.field, in: values.length ? values : [first] },
    );
  };
  /** Typed text → a number for number fields, as written otherwise. */
  const typed = (text: string): TConditionValue =>
    target?.type === "number" && text.trim() !== "" && Number.isFinite(Number(text.replace(",", "."))) ? Number(text.replace(",", ".")) : text;
  const fromChoice = (raw: string): TConditionValue => choices?.find((c) => String(c.value) === raw)?.value ?? raw;

  return (
    <div className="d-flex flex-wrap align-items-end gap-2 border rounded p-2" role="group" aria-label={t("conditionN", { n })}>
      <div className="select-wrapper flex-grow-1">
        <label htmlFor={`${idPrefix}-field`} className="form-label small mb-0">
          {t("field")}
        </label>
        <select
          id={`${idPrefix}-field`}
          value={leaf.field}
          onChange={(e) => {
            const f = candidates.find((c) => c.key === e.target.value);
            if (f) onChange(defaultLeaf(f));
          }}
        >
          {target ? null : <option value={leaf.field}>{t("unavailable", { key: leaf.field })}</option>}
          {candidates.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label ? `${f.label} (${f.key})` : f.key}
            </option>
          ))}
        </select>
      </div>
      <div className="select-wrapper">
        <label htmlFor={`${idPrefix}-op`} className="form-label small mb-0">
          {t("operator")}
        </label>
        <select id={`${idPrefix}-op`} value={operator} onChange={(e) => setOperator(e.target.value as TOperator)}>
          {valueOnly ? null : <option value="equals">{t("op.equals")}</option>}
          {valueOnly ? null : <option value="in">{t("op.in")}</option>}
          <option value="notEmpty">{t("op.notEmpty")}</option>
        </select>
      </div>
      {operator === "equals" ? (
        <div className={choices ? "select-wrapper" : undefined}>
          <label htmlFor={`${idPrefix}-value`} className="form-label small mb-0">
            {t("value")}
          </label>
          {choices ? (
            <select id={`${idPrefix}-value`} value={String(values[0] ?? "")} onChange={(e) => onChange({ field: leaf.field, equals: fromChoice(e.target.value) })}>
              {choices.some((c) => String(c.value) === String(values[0])) ? null : (
                <option value={String(values[0] ?? "")}>{t("unknownValue", { value: String(values[0] ?? "") })}</option>
              )}
              {choices.map((c) => (
                <option key={String(c.value)} value={String(c.value)}>
                  {c.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${idPrefix}-value`}
              className="form-control form-control-sm"
              value={String(values[0] ?? "")}
              onChange={(e) => onChange({ field: leaf.field, equals: typed(e.target.value) })}
            />
          )}
        </div>
      ) : null}
      {operator === "in" ? (
        choices ? (
          <fieldset>
            <legend className="form-label small mb-0 fw-normal">{t("values")}</legend>
            <div className="d-flex flex-wrap gap-2">
              {choices.map((c, i) => {
                const checked = values.some((v) => String(v) === String(c.value));
                return (
                  <div key={String(c.value)} className="form-check form-check-inline m-0">
                    <input
                      id={`${idPrefix}-in-${i}`}
                      type="checkbox"
                      checked={checked}
                      onChange={() => {
                        const next = checked ? values.filter((v) => String(v) !== String(c.value)) : [...values, c.value];
                        // "è uno tra" needs at least one value: the last one can't be unticked.
                        if (next.length) onChange({ field: leaf.field, in: next });
                      }}
                    />
                    <label htmlFor={`${idPrefix}-in-${i}`} className="small">
                      {c.label}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ) : (
          <div>
            <label htmlFor={`${idPrefix}-value`} className="form-label small mb-0">
              {t("valuesComma")}
            </label>
            <input
              id={`${idPrefix}-value`}
              className="form-control form-control-sm"
              value={values.map(String).join(", ")}
              onChange={(e) => {
                const list = e.target.value.split(",").map((v) => v.trim());
                onChange({ field: leaf.field, in: (list.length ? list : [""]).map(typed) });
              }}
            />
          </div>
        )
      ) : null}
      {onRemove ? (
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRemove} aria-label={t("removeCondition", { n })}>
          {t("removeShort")}
        </button>
      ) : null}
    </div>
  );
}

/** The condition as JSON: applied when it parses and has the shape of a condition. */
function JsonCondition({ id, condition, onChange }: { id: string; condition: TCondition | undefined; onChange: (c: TCondition | undefined) => void }) {
  const t = useTranslations("formBuilder.showIf");
  const [text, setText] = useState(() => (condition ? JSON.stringify(condition, null, 2) : ""));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (!text.trim()) {
      setError(null);
      return onChange(undefined);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return setError(t("jsonNotJson"));
    }
    const parsed = ZCondition.safeParse(value);
    if (!parsed.success) return setError(t("jsonInvalid"));
    setError(null);
    onChange(parsed.data);
  };
  return (
    <div className="form-group mb-0">
      <label htmlFor={id} className="form-label small mb-0">
        {t("json")}
      </label>
      <small id={`${id}-help`} className="form-text d-block mb-1">
        {t("jsonHelp")}
      </small>
      <textarea
        id={id}
        rows={6}
        className={`form-control font-monospace small${error ? " is-invalid" : ""}`}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
