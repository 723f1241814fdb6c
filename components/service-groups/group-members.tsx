"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { useHydrated } from "@/components/hydration";
import { useTRPC } from "@/components/trpc/provider";
import type { ServiceStatus } from "@/server/db/generated/enums";
import type { TMoveDirection } from "@/server/services/groups-values";
import { GroupNotice } from "./group-notice";
import { ServiceStatusBadge } from "./service-status-badge";
import { useGroupAction } from "./use-group-action";

type TMember = { id: string; name: string; status: ServiceStatus; position: number };
type TCandidate = { id: string; name: string; status: ServiceStatus };

// The services of a group in order. The administrator moves them up and down, takes them out and
// adds ungrouped services from a select; functionaries see the list only. Every action is saved
// at once, the page refreshed from the server, the outcome announced, and the focus kept on the
// moved service's button (its place changed, so the browser would otherwise lose it).
export function GroupMembers({
  tenantSlug,
  groupId,
  members,
  candidates,
  canEdit,
}: {
  tenantSlug: string;
  groupId: string;
  members: TMember[];
  candidates: TCandidate[];
  canEdit: boolean;
}) {
  const t = useTranslations("serviceGroups.members");
  const tStatus = useTranslations("serviceGroups.status");
  const trpc = useTRPC();
  const id = useId();
  const hydrated = useHydrated();
  const { run, notice, busy } = useGroupAction();
  const moveMember = useMutation(trpc.serviceGroups.moveMember.mutationOptions());
  const removeMember = useMutation(trpc.serviceGroups.removeMember.mutationOptions());
  const addMember = useMutation(trpc.serviceGroups.addMember.mutationOptions());
  const [toAdd, setToAdd] = useState("");
  const [addError, setAddError] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  /** Where the focus goes once the refreshed list is on the page. */
  const focusNext = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (busy || !focusNext.current) return;
    focusNext.current();
    focusNext.current = null;
  }, [busy, members]);

  const buttonRef = (key: string) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(key, el);
    else buttons.current.delete(key);
  };

  const onMove = async (member: TMember, direction: TMoveDirection) => {
    const done = await run(() => moveMember.mutateAsync({ groupId, serviceId: member.id, direction }), {
      success: t(direction === "up" ? "movedUp" : "movedDown", { name: member.name }),
    });
    if (!done) return;
    // The same button if the service can still move that way, else the other one.
    focusNext.current = () => {
      const same = buttons.current.get(`${member.id}:${direction}`);
      (same && !same.disabled ? same : buttons.current.get(`${member.id}:${direction === "up" ? "down" : "up"}`))?.focus();
    };
  };

  const onRemove = async (member: TMember) => {
    const done = await run(() => removeMember.mutateAsync({ groupId, serviceId: member.id }), { success: t("removed", { name: member.name }) });
    if (done) focusNext.current = () => headingRef.current?.focus();
  };

  const onAdd = async (event: FormEvent) => {
    event.preventDefault();
    setAddError(null);
    const candidate = candidates.find((c) => c.id === toAdd);
    if (!candidate) {
      setAddError(t("addMissing"));
      selectRef.current?.focus();
      return;
    }
    const done = await run(() => addMember.mutateAsync({ groupId, serviceId: candidate.id }), { success: t("added", { name: candidate.name }) });
    if (done) setToAdd("");
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mb-5">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="h4">
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      <GroupNotice notice={notice} />
      {members.length === 0 ? (
        <p className="text-secondary">{t("empty")}</p>
      ) : (
        <ol className="list-unstyled mb-4" aria-label={t("caption")}>
          {members.map((m, i) => (
            <li key={m.id} className="border rounded p-3 mb-2" data-testid="group-member">
              <div className="d-flex flex-wrap align-items-center gap-2">
                <span className="fw-semibold" aria-hidden="true">
                  {t("position", { position: m.position })}
                </span>
                <Link href={`/${tenantSlug}/backoffice/servizi/${m.id}`} className="fw-semibold">
                  {m.name}
                </Link>
                <ServiceStatusBadge status={m.status} />
              </div>
              {canEdit ? (
                <div className="d-flex flex-wrap gap-2 mt-2">
                  <button
                    type="button"
                    ref={buttonRef(`${m.id}:up`)}
                    className="btn btn-outline-primary btn-sm"
                    aria-label={t("moveUp_a11y", { name: m.name })}
                    disabled={!hydrated || i === 0}
                    onClick={() => onMove(m, "up")}
                  >
                    {t("moveUp")}
                  </button>
                  <button
                    type="button"
                    ref={buttonRef(`${m.id}:down`)}
                    className="btn btn-outline-primary btn-sm"
                    aria-label={t("moveDown_a11y", { name: m.name })}
                    disabled={!hydrated || i === members.length - 1}
                    onClick={() => onMove(m, "down")}
                  >
                    {t("moveDown")}
                  </button>
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm"
                    aria-label={t("remove_a11y", { name: m.name })}
                    disabled={!hydrated}
                    onClick={() => onRemove(m)}
                  >
                    {t("remove")}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canEdit ? (
        candidates.length === 0 ? (
          <p className="text-secondary mb-0">{t("noCandidates")}</p>
        ) : (
          <form onSubmit={onAdd} noValidate className="d-flex flex-column flex-sm-row gap-2 align-items-sm-end mt-4">
            <div className="select-wrapper flex-grow-1 mb-0">
              <label htmlFor={`${id}-add`}>{t("add")}</label>
              <select
                id={`${id}-add`}
                ref={selectRef}
                className={`form-select${addError ? " is-invalid" : ""}`}
                value={toAdd}
                onChange={(e) => setToAdd(e.target.value)}
                aria-invalid={addError ? true : undefined}
                aria-describedby={[`${id}-add-hint`, addError ? `${id}-add-error` : null].filter(Boolean).join(" ")}
              >
                <option value="">{t("addPlaceholder")}</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${c.name} (${tStatus(c.status)})`}
                  </option>
                ))}
              </select>
              <small id={`${id}-add-hint`} className="form-text d-block">
                {t("addHint")}
              </small>
              <FieldError id={`${id}-add-error`} message={addError} />
            </div>
            <button type="submit" className="btn btn-primary mb-sm-4" disabled={!hydrated || busy}>
              {t("addSubmit")}
            </button>
          </form>
        )
      ) : null}
    </section>
  );
}
