import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getAreaDates } from "@/components/area/area-dates";
import { Breadcrumb } from "@/components/breadcrumb";
import { EmptyState } from "@/components/empty-state";
import { CardText } from "@/components/services/card-text";
import { requireStaff } from "@/server/auth/session";
import type { TServiceFieldChange } from "@/server/services/history";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string; id: string }>; searchParams: Promise<{ prima?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("serviceAdmin"), getTranslations("backoffice")]);
  return { title: `${t("history.metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Longer than this, or on several lines: shown collapsed. */
const SHORT_TEXT = 140;

// GET /{tenant}/backoffice/servizi/{id}/storico — the history of a service's configuration,
// newest first, 50 changes a page: who (name and role, or the scheduler), when, what, and each
// field's previous and new value. Long texts are collapsed to their first words.
export default async function ServiceHistoryPage({ params, searchParams }: TProps) {
  const { tenant: slug, id } = await params;
  const { tenant } = await requireStaff(slug, "SERVICE_MANAGER");
  const rawBefore = (await searchParams).prima;
  const before = typeof rawBefore === "string" && rawBefore.length <= 64 ? rawBefore : undefined;
  const api = await createCaller(slug);
  const history = await api.serviceAdmin.history({ serviceId: id, before }).catch((e: unknown) => {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const [t, tb, dates] = await Promise.all([getTranslations("serviceAdmin"), getTranslations("backoffice"), getAreaDates()]);
  const base = `/${tenant.slug}/backoffice/servizi`;
  const here = `${base}/${history.service.id}/storico`;

  const fieldLabel = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field);
  const actionLabel = (action: string) => (t.has(`history.actions.${action}`) ? t(`history.actions.${action}`) : action);
  const roleLabel = (role: string | null) => (role && tb.has(`roles.${role}`) ? tb(`roles.${role}`) : (role ?? ""));

  function value(field: string, v: TServiceFieldChange["before"]): ReactNode {
    if (v === null || v === "") return <em className="text-secondary">{t("history.notSet")}</em>;
    if (typeof v === "boolean") return v ? t("history.yes") : t("history.no");
    if (typeof v === "number") return String(v);
    if (Array.isArray(v)) return v.length === 0 ? <em className="text-secondary">{t("history.none")}</em> : v.map(String).join(", ");
    if (typeof v === "object") return <code>{JSON.stringify(v)}</code>;
    if (field === "status" && t.has(`status.${v}`)) return t(`status.${v}`);
    if (field === "accessLevel" && t.has(`accessLevel.${v}`)) return t(`accessLevel.${v}`);
    if (ISO_DATE.test(v)) {
      const d = new Date(v);
      return <time dateTime={v}>{dates.dateTime(d)}</time>;
    }
    if (v.length <= SHORT_TEXT && !v.includes("\n")) return v;
    return (
      <details>
        <summary>
          {v.slice(0, 100).split("\n")[0]}… <span className="visually-hidden">{t("history.showAll")}</span>
        </summary>
        <div className="mt-2">
          <CardText text={v} />
        </div>
      </details>
    );
  }

  return (
    <>
      <Breadcrumb
        items={[
          { label: t("list.title"), href: base },
          { label: history.service.name, href: `${base}/${history.service.id}` },
          { label: t("history.title") },
        ]}
      />
      <h1 className="mb-2">{t("history.title")}</h1>
      <p className="lead">{history.service.name}</p>
      <p>{t("history.lead")}</p>

      {history.entries.length === 0 ? (
        <EmptyState title={t("history.empty")} />
      ) : (
        <ol className="list-unstyled mb-4" data-testid="service-history">
          {history.entries.map((e) => {
            const actor =
              e.actorKind === "SYSTEM"
                ? t("history.system")
                : t("history.by", { name: e.actorName ?? t("history.unknownActor"), role: roleLabel(e.actorRole) });
            return (
              <li key={e.id} className="card border rounded mb-3" data-action={e.action}>
                <div className="card-body">
                  <h2 className="h6 mb-1">{actionLabel(e.action)}</h2>
                  <p className="small text-secondary mb-2">
                    <time dateTime={dates.iso(e.at)}>{dates.dateTime(e.at)}</time> · {actor}
                  </p>
                  {e.changes.length === 0 ? (
                    <p className="small mb-0">{t("history.noDetails")}</p>
                  ) : (
                    <dl className="small mb-0">
                      {e.changes.map((c, i) => (
                        <div key={`${c.field}-${i}`} className="row g-0 border-top pt-2">
                          <dt className="col-12 col-md-3 pe-md-3 mb-1">{fieldLabel(c.field)}</dt>
                          <dd className="col-12 col-md-4 pe-md-3 mb-2 text-break">
                            <span className="d-block text-secondary">{t("history.before")}</span>
                            {value(c.field, c.before)}
                          </dd>
                          <dd className="col-12 col-md-5 mb-2 text-break">
                            <span className="d-block text-secondary">{t("history.after")}</span>
                            {value(c.field, c.after)}
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}

      {history.nextCursor || before ? (
        <nav aria-label={t("history.pagination")} className="d-flex flex-wrap gap-3">
          {before ? <Link href={here}>{t("history.newest")}</Link> : null}
          {history.nextCursor ? <Link href={`${here}?prima=${encodeURIComponent(history.nextCursor)}`}>{t("history.older")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
