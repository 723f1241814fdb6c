import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import type { TStaffMember } from "@/server/staff/admin";
import { staffMemberPath } from "@/server/staff/urls";
import { StaffStateBadge } from "./staff-state-badge";

// The municipality's staff: a table from tablets up, a list of cards on phones (six columns
// don't fit 375 px). Each name opens the person's page.
export async function StaffList({ members, tenant, viewerId }: { members: TStaffMember[]; tenant: { slug: string; name: string }; viewerId: string }) {
  const [t, tRoles, format] = await Promise.all([getTranslations("staffAdmin"), getTranslations("backoffice.roles"), getFormatter()]);
  if (members.length === 0) return <EmptyState icon="it-user" title={t("list.empty")} headingLevel={2} />;

  const rows = members.map((m) => ({
    ...m,
    href: staffMemberPath(tenant.slug, m.id),
    self: m.id === viewerId,
    roleLabel: tRoles(m.role),
    services: m.services.length ? m.services.map((s) => s.name).join(", ") : t("list.noServices"),
    lastLogin: m.lastLoginAt ? format.dateTime(m.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("list.never"),
    invitation: m.invitation ? (m.invitation.expired ? t("list.invitationExpired") : t("list.invitationUntil", { date: m.invitation.expiresAt })) : null,
  }));
  const state = (r: (typeof rows)[number]) => (
    <>
      <StaffStateBadge state={r.state} label={t(`states.${r.state}`)} />
      {r.invitation ? <small className="d-block">{r.invitation}</small> : null}
    </>
  );
  const name = (r: (typeof rows)[number]) => (
    <>
      <Link href={r.href}>{r.name}</Link>
      {r.self ? <span className="ms-1">{t("list.you")}</span> : null}
    </>
  );

  return (
    <>
      <div className="d-none d-md-block table-responsive">
        <table className="table align-middle" data-testid="staff-table">
          <caption className="visually-hidden">{t("list.caption", { tenant: tenant.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.columns.name")}</th>
              <th scope="col">{t("list.columns.email")}</th>
              <th scope="col">{t("list.columns.role")}</th>
              <th scope="col">{t("list.columns.services")}</th>
              <th scope="col">{t("list.columns.state")}</th>
              <th scope="col">{t("list.columns.lastLogin")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-staff-id={r.id}>
                <th scope="row">{name(r)}</th>
                <td className="text-break">{r.email}</td>
                <td>{r.roleLabel}</td>
                <td>{r.services}</td>
                <td>{state(r)}</td>
                <td>{r.lastLogin}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="d-md-none list-unstyled d-grid gap-3 mb-0">
        {rows.map((r) => (
          <li key={r.id} className="card no-after shadow-sm rounded border">
            <div className="card-body card-body-compact">
              <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-2">
                <h2 className="h6 mb-0">{name(r)}</h2>
                <StaffStateBadge state={r.state} label={t(`states.${r.state}`)} />
              </div>
              <dl className="row small mb-0">
                <dt className="col-5">{t("list.columns.email")}</dt>
                <dd className="col-7 text-break">{r.email}</dd>
                <dt className="col-5">{t("list.columns.role")}</dt>
                <dd className="col-7">{r.roleLabel}</dd>
                <dt className="col-5">{t("list.columns.services")}</dt>
                <dd className="col-7">{r.services}</dd>
                <dt className="col-5">{t("list.columns.lastLogin")}</dt>
                <dd className="col-7 mb-0">
                  {r.lastLogin}
                  {r.invitation ? <span className="d-block">{r.invitation}</span> : null}
                </dd>
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
