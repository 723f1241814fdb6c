"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { FIELD_KEY_PATTERN, FILE_KINDS, PREFILL_SOURCES, type TField, type TFieldType } from "@/server/forms/schema";
import { PREFILL_TYPES } from "@/server/forms/validate-schema";
import { FILE_KIND_INFO } from "@/server/uploads/kinds";
import { useBuilder } from "./builder-context";
import { earlierFields, keysInScope, type TFieldPath } from "./builder-state";
import { FIELD_TYPES } from "./field-types";
import { propDomId } from "./ids";
import { OptionsEditor } from "./options-editor";
import { Check, NumberInput, Section, SelectInput, TextArea, TextInput } from "./inputs";
import { ShowIfEditor } from "./show-if-editor";

// The settings of one field: what every field has (type, label, key, help, required), what its
// type needs (options, limits, formats…), who sees it (show-if) and where its value comes from
// (prefill). Every input has a visible label; ids follow ids.ts so the problems panel can focus them.

type TAnyField = TField & Record<string, unknown>;

export function FieldEditor({ path, field, groupFields }: { path: TFieldPath; field: TField; groupFields?: ReactNode }) {
  const t = useTranslations("formBuilder.field");
  const { state, dispatch, words } = useBuilder();
  const f = field as TAnyField;
  const id = (prop: string) => propDomId(path, prop);
  const set = (patch: Record<string, unknown>) => dispatch({ type: "updateField", path, patch });
  const inGroup = path.sub !== undefined;
  const candidates = earlierFields(state.schema, path).map((e) => e.field);

  return (
    <div className="pt-2">
      <div className="row g-3">
        <div className="col-12 col-md-6">
          <SelectInput id={id("type")} label={t("type")} value={field.type} onChange={(v) => dispatch({ type: "changeFieldType", path, fieldType: v as TFieldType, words })}>
            {FIELD_TYPES.filter((ty) => !(inGroup && ty === "group")).map((ty) => (
              <option key={ty} value={ty}>
                {t(`types.${ty}`)}
              </option>
            ))}
          </SelectInput>
        </div>
        <div className="col-12 col-md-6">
          <KeyInput path={path} value={field.key} />
        </div>
        <div className="col-12">
          <TextInput
            id={id("label")}
            label={field.type === "static" ? t("staticTitle") : t("label")}
            value={field.label ?? ""}
            onChange={(v) => set({ label: field.type === "static" && !v ? undefined : v })}
          />
        </div>
        {field.type === "static" ? (
          <div className="col-12">
            <TextArea id={id("text")} label={t("staticText")} help={t("staticTextHelp")} value={field.text} rows={5} onChange={(v) => set({ text: v })} />
          </div>
        ) : (
          <>
            <div className="col-12">
              <TextArea id={id("help")} label={t("help")} value={field.help ?? ""} rows={2} onChange={(v) => set({ help: v || undefined })} />
            </div>
            <div className="col-12">
              <Check id={id("required")} label={t("required")} checked={!!field.required} onChange={(v) => set({ required: v || undefined })} />
            </div>
          </>
        )}
      </div>

      <TypeSettings path={path} field={f} set={set} />
      {groupFields}

      {field.type !== "static" && field.type !== "group" && !inGroup ? <PrefillSettings path={path} field={f} set={set} /> : null}

      <ShowIfEditor path={path} condition={field.showIf} candidates={candidates} onChange={(c) => set({ showIf: c })} />
    </div>
  );
}

/** The key: edited as text, applied when the input is left (so conditions naming the old key
 * are renamed once, not at every keystroke); checked as it is typed. */
function KeyInput({ path, value }: { path: TFieldPath; value: string }) {
  const t = useTranslations("formBuilder.field");
  const { state, dispatch } = useBuilder();
  const [draft, setDraft] = useState<{ for: string; text: string } | null>(null);
  const text = draft && draft.for === value ? draft.text : value;
  const id = propDomId(path, "key");
  const taken = keysInScope(state.schema, path, path);
  const error = !FIELD_KEY_PATTERN.test(text) ? t("keyInvalid") : taken.has(text) ? t("keyTaken") : null;
  const commit = () => {
    if (text !== value) dispatch({ type: "updateField", path, patch: { key: text } });
    setDraft(null);
  };
  return (
    <TextInput
      id={id}
      label={t("key")}
      help={t("keyHelp")}
      value={text}
      onChange={(v) => setDraft({ for: value, text: v })}
      mono
      error={error}
      inputProps={{
        onBlur: commit,
        onKeyDown: (e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        },
      }}
    />
  );
}

function TypeSettings({ path, field, set }: { path: TFieldPath; field: TAnyField; set: (patch: Record<string, unknown>) => void }) {
  const t = useTranslations("formBuilder.field");
  const { dispatch } = useBuilder();
  const id = (prop: string) => propDomId(path, prop);
  const num = (prop: string, label: string, opts: { integer?: boolean; min?: number; step?: string } = {}) => (
    <div className="col-12 col-sm-6 col-md-4">
      <NumberInput id={id(prop)} label={label} value={field[prop] as number | undefined} onChange={(v) => set({ [prop]: v })} integer={opts.integer} min={opts.min} />
    </div>
  );
  switch (field.type) {
    case "text":
    case "textarea": {
      const pattern = field.pattern as string | undefined;
      let patternError: string | null = null;
      if (pattern) {
        try {
          new RegExp(pattern, "u");
        } catch {
          patternError = t("patternInvalid");
        }
      }
      return (
        <Section title={t("rules")}>
          {num("minLength", t("minLength"), { integer: true, min: 0 })}
          {num("maxLength", t("maxLength"), { integer: true, min: 1 })}
          <div className="col-12 col-md-6">
            <TextInput
              id={id("pattern")}
              label={t("pattern")}
              help={t("patternHelp")}
              value={pattern ?? ""}
              onChange={(v) => set({ pattern: v || undefined })}
              mono
              error={patternError}
            />
          </div>
          <div className="col-12 col-md-6">
            <TextInput
              id={id("patternMessage")}
              label={t("patternMessage")}
              value={(field.patternMessage as string | undefined) ?? ""}
              onChange={(v) => set({ patternMessage: v || undefined })}
            />
          </div>
        </Section>
      );
    }
    case "number":
      return (
        <Section title={t("rules")}>
          {num("min", t("min"))}
          {num("max", t("max"))}
          <div className="col-12 col-sm-6 col-md-4">
            <TextInput id={id("unit")} label={t("unit")} value={(field.unit as string | undefined) ?? ""} onChange={(v) => set({ unit: v || undefined })} />
          </div>
          <div className="col-12">
            <Check id={id("integer")} label={t("integer")} checked={!!field.integer} onChange={(v) => set({ integer: v || undefined })} />
          </div>
        </Section>
      );
    case "date":
      return (
        <Section title={t("rules")}>
          <div className="col-12 col-md-6">
            <DateRuleInput id={id("min")} label={t("minDate")} value={field.min as string | undefined} onChange={(v) => set({ min: v })} />
          </div>
          <div className="col-12 col-md-6">
            <DateRuleInput id={id("max")} label={t("maxDate")} value={field.max as string | undefined} onChange={(v) => set({ max: v })} />
          </div>
        </Section>
      );
    case "select":
    case "radio":
    case "checkboxes":
      return (
        <div className="mt-3">
          <OptionsEditor path={path} options={field.options} onChange={(options) => dispatch({ type: "setOptions", path, options })} />
          {field.type === "checkboxes" ? (
            <div className="row g-3">
              {num("minItems", t("minChoices"), { integer: true, min: 0 })}
              {num("maxItems", t("maxChoices"), { integer: true, min: 1 })}
            </div>
          ) : null}
        </div>
      );
    case "iban":
      return (
        <Section title={t("rules")}>
          <div className="col-12">
            <Check id={id("italianOnly")} label={t("italianOnly")} checked={!!field.italianOnly} onChange={(v) => set({ italianOnly: v || undefined })} />
          </div>
        </Section>
      );
    case "file": {
      const accept = field.accept ?? [];
      return (
        <Section title={t("rules")}>
          <div className="col-12">
            <fieldset>
              <legend className="form-label fw-semibold mb-1 h6">{t("accept")}</legend>
              <div className="d-flex flex-wrap gap-3">
                {FILE_KINDS.map((k) => (
                  <Check
                    key={k}
                    id={id(`accept-${k}`)}
                    label={FILE_KIND_INFO[k].label}
                    checked={accept.includes(k)}
                    onChange={(v) => set({ accept: v ? FILE_KINDS.filter((x) => x === k || accept.includes(x)) : accept.filter((x) => x !== k) })}
                  />
                ))}
              </div>
            </fieldset>
          </div>
          <div className="col-12 col-sm-6">
            <NumberInput id={id("maxSizeMb")} label={t("maxSizeMb")} value={field.maxSizeMb} onChange={(v) => set({ maxSizeMb: v ?? 0 })} min={1} max={100} />
          </div>
          <div className="col-12">
            <Check
              id={id("multiple")}
              label={t("multiple")}
              checked={!!field.multiple}
              onChange={(v) => set({ multiple: v || undefined, maxFiles: v ? field.maxFiles : undefined })}
            />
          </div>
          {field.multiple ? num("maxFiles", t("maxFiles"), { integer: true, min: 1 }) : null}
        </Section>
      );
    }
    case "group":
      return (
        <Section title={t("groupSettings")}>
          <div className="col-12 col-md-4">
            <TextInput
              id={id("itemLabel")}
              label={t("itemLabel")}
              help={t("itemLabelHelp")}
              value={(field.itemLabel as string | undefined) ?? ""}
              onChange={(v) => set({ itemLabel: v || undefined })}
            />
          </div>
          {num("minItems", t("minItems"), { integer: true, min: 0 })}
          {num("maxItems", t("maxItems"), { integer: true, min: 1 })}
        </Section>
      );
    default:
      return null;
  }
}

function PrefillSettings({ path, field, set }: { path: TFieldPath; field: TAnyField; set: (patch: Record<string, unknown>) => void }) {
  const t = useTranslations("formBuilder.field");
  const sources = PREFILL_SOURCES.filter((s) => PREFILL_TYPES[s]!.includes(field.type) || s === field.prefill);
  if (sources.length === 0) return null;
  const id = propDomId(path, "prefill");
  return (
    <Section title={t("prefillTitle")}>
      <div className="col-12 col-md-6">
        <SelectInput
          id={id}
          label={t("prefill")}
          value={(field.prefill as string | undefined) ?? ""}
          onChange={(v) => set({ prefill: v || undefined, ...(v ? {} : { readOnlyFromIdentity: undefined }) })}
        >
          <option value="">{t("prefillNone")}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {t(`prefillSources.${s}`)}
            </option>
          ))}
        </SelectInput>
      </div>
      {field.prefill ? (
        <div className="col-12">
          <Check
            id={propDomId(path, "readOnlyFromIdentity")}
            label={t("readOnlyFromIdentity")}
            checked={!!field.readOnlyFromIdentity}
            onChange={(v) => set({ readOnlyFromIdentity: v || undefined })}
          />
        </div>
      ) : null}
    </Section>
  );
}

type TDateMode = "" | "today" | "fixed" | "relative";
const RELATIVE = /^today([+-])(\d{1,4})([dmy])$/;

/** A date limit as the schema writes it ("2024-01-01", "today", "today-18y"), picked without
 * knowing that syntax: none, today, a fixed date, or some days/months/years before or after today. */
function DateRuleInput({ id, label, value, onChange }: { id: string; label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const t = useTranslations("formBuilder.field.dateRule");
  const rel = value ? RELATIVE.exec(value) : null;
  const mode: TDateMode = !value ? "" : value === "today" ? "today" : rel ? "relative" : "fixed";
  const [sign, amount, unit] = rel ? [rel[1]!, rel[2]!, rel[3]!] : ["-", "1", "y"];
  const relative = (s: string, a: string, u: string) => onChange(`today${s}${a || "0"}${u}`);
  return (
    <fieldset>
      <legend className="visually-hidden">{label}</legend>
      <div className="select-wrapper mb-2">
        <label htmlFor={id} className="form-label fw-semibold mb-1">
          {label}
        </label>
        <select
          id={id}
          value={mode}
          onChange={(e) => {
            const m = e.target.value as TDateMode;
            onChange(m === "" ? undefined : m === "today" ? "today" : m === "fixed" ? new Date().toISOString().slice(0, 10) : "today-1y");
          }}
        >
          <option value="">{t("none")}</option>
          <option value="today">{t("today")}</option>
          <option value="fixed">{t("fixed")}</option>
          <option value="relative">{t("relative")}</option>
        </select>
      </div>
      {mode === "fixed" ? (
        <div className="form-group mb-0">
          <label htmlFor={`${id}-date`} className="form-label small mb-0">
            {t("date")}
          </label>
          <input id={`${id}-date`} type="date" className="form-control" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)} />
        </div>
      ) : null}
      {mode === "relative" ? (
        <div className="d-flex flex-wrap gap-2 align-items-end">
          <div>
            <label htmlFor={`${id}-amount`} className="form-label small mb-0">
              {t("amount")}
            </label>
            <input
              id={`${id}-amount`}
              type="number"
              min={0}
              max={9999}
              step={1}
              className="form-control"
              value={amount}
              onChange={(e) => relative(sign, e.target.value.replace(/\D/g, "").slice(0, 4), unit)}
            />
          </div>
          <div className="select-wrapper">
            <label htmlFor={`${id}-unit`} className="form-label small mb-0">
              {t("unit")}
            </label>
            <select id={`${id}-unit`} value={unit} onChange={(e) => relative(sign, amount, e.target.value)}>
              <option value="d">{t("days")}</option>
              <option value="m">{t("months")}</option>
              <option value="y">{t("years")}</option>
            </select>
          </div>
          <div className="select-wrapper">
            <label htmlFor={`${id}-sign`} className="form-label small mb-0">
              {t("direction")}
            </label>
            <select id={`${id}-sign`} value={sign} onChange={(e) => relative(e.target.value, amount, unit)}>
              <option value="-">{t("before")}</option>
              <option value="+">{t("after")}</option>
            </select>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
