"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { useTRPC } from "@/components/trpc/provider";
import { CheckboxField, SectionNotice, SubmitButton, useSaveFeedback, useServiceVersion } from "./editor-kit";

// Who handles the service (administrators): one checkbox per active member of the municipality's
// staff, with their role; those already on the service stay listed even if since disabled.

type TCandidate = { id: string; name: string; roleLabel: string };

export function ServiceOperatorsForm({ serviceId, candidates, selected: initial }: { serviceId: string; candidates: TCandidate[]; selected: string[] }) {
  const t = useTranslations("serviceAdmin.operators");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const { version, setVersion, refresh } = useServiceVersion();
  const { notice, setNotice, fail } = useSaveFeedback();
  const [selected, setSelected] = useState(() => new Set(initial));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const save = useMutation(trpc.serviceAdmin.setOperators.mutationOptions());

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFieldError(null);
    try {
      const r = await save.mutateAsync({ serviceId, expectedVersion: version, staffIds: [...selected] });
      setVersion(r.version);
      setNotice({ tone: "success", text: t("saved") });
      refresh();
    } catch (err) {
      fail(err, (fields) => {
        if (!fields.staffIds) return false;
        setFieldError(tAll(fields.staffIds));
        return true;
      });
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="service-operators-form">
      <SectionNotice notice={notice} testId="service-operators-notice" />
      {candidates.length === 0 ? (
        <p>{t("noStaff")}</p>
      ) : (
        <fieldset className="mb-3" aria-describedby={fieldError ? "service-operators-error" : undefined}>
          <legend className="h6 fw-semibold">{t("legend")}</legend>
          {candidates.map((c) => (
            <CheckboxField
              key={c.id}
              id={`service-operator-${c.id}`}
              label={t("role", { name: c.name, role: c.roleLabel })}
              checked={selected.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
            />
          ))}
          <FieldError id="service-operators-error" message={fieldError} />
        </fieldset>
      )}
      {candidates.length > 0 ? <SubmitButton pending={save.isPending} label={t("submit")} pendingLabel={tAll("serviceAdmin.notice.pending")} /> : null}
    </form>
  );
}
