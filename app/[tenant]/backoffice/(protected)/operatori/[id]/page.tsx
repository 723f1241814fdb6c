import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { MemberAccess } from "@/components/staff-admin/member-access";
import { MemberForm } from "@/components/staff-admin/member-form";
import { StaffStateBadge } from "@/components/staff-admin/staff-state-badge";
import { requireStaff } from "@/server/auth/session";
import { STAFF_INVITATION_TTL_DAYS } from "@/server/staff/invitations";
import { staffListPath } from "@/server/staff/urls";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string; id: string }>; searchParams: Promise<{ invito?: string; esistente?: string }> };

async function loadMember(slug: string, id: string) {
  return (await createCaller(slug)).staffAdmin.get({ tenantSlug: slug, staffUserId: id }).catch((e: unknown) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) notFound();
    throw e;
  });
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { tenant: slug, id } = await params;
  await requireStaff(slug, ["TENANT_ADMIN"]);
  const [t, tb, member] = await Promise.all([getTranslations("staffAdmin"), getTranslations("backoffice"), loadMember(slug, id)]);
  return { title: `${t("member.metaTitle", { name: member.name })} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/operatori/{id} — one staff member (tenant administrators): account
// facts, role and services, access (disable / enable), and the invitation while it is pending.
// ?invito=setPassword|existingAccount: just invited, say what was sent.
export default async function StaffMemberPage({ params, searchParams }: TProps) {
  const { tenant: slug, id } = await params;
  const { staff, tenant } = await requireStaff(slug, ["TENANT_ADMIN"]);
  const query = await searchParams;
  const api = await createCaller(slug);
  const [t, tRoles, format, member, services] = await Promise.all([
    getTranslations("staffAdmin"),
    getTranslations("backoffice.roles"),
    getFormatter(),
    loadMember(slug, id),
    api.staffAdmin.services({ tenantSlug: slug }),
  ]);
  const self = member.id === staff.id;
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const invitedNotice =
    query.invito === "setPassword"
      ? t("member.notices.setPassword", { email: member.email, days: STAFF_INVITATION_TTL_DAYS })
      : query.invito === "existingAccount"
        ? t("member.notices.existingAccount", { name: member.name, email: member.email })
        : null;

  return (
    <>
      <Breadcrumb items={[{ label: t("list.title"), href: staffListPath(tenant.slug) }, { label: member.name }]} />
      <h1 className="mb-1">{member.name}</h1>
      <p className="lead text-break mb-3">{member.email}</p>

      {invitedNotice ? (
        <div className="alert alert-success" role="status" data-testid="invite-notice">
          <p className="mb-0">{invitedNotice}</p>
          {query.esistente ? <p className="mb-0 mt-1">{t("member.notices.existingName", { name: member.name })}</p> : null}
        </div>
      ) : null}

      <section aria-labelledby="member-facts" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="member-facts" className="h5">
            {t("member.facts")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4 col-xl-3">{t("member.state")}</dt>
            <dd className="col-12 col-md-8 col-xl-9" data-testid="member-state">
              <StaffStateBadge state={member.state} label={t(`states.${member.state}`)} />
              {member.accountDisabled ? <span className="d-block small mt-1">{t("member.accountDisabled")}</span> : null}
            </dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("member.role")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">{tRoles(member.role)}</dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("member.lastLogin")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">{member.lastLoginAt ? dateTime(member.lastLoginAt) : t("list.never")}</dd>
            {member.state === "invited" ? (
              <>
                <dt className="col-12 col-md-4 col-xl-3">{t("member.invitation")}</dt>
                <dd className="col-12 col-md-8 col-xl-9 mb-0">
                  {member.invitation
                    ? t(member.invitation.expired ? "member.invitationExpired" : "member.invitationPending", {
                        sentAt: member.invitation.sentAt,
                        expiresAt: member.invitation.expiresAt,
                      })
                    : t("member.invitationNone")}
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>

      {/* Not a labelled region: its name would also answer to the "Ruolo" field's label. */}
      <section className="card shadow-sm rounded border mb-4">
        <div className="card-body">
          <h2 className="h5 mb-3">
            {t("member.roleAndServices.title")}
          </h2>
          <MemberForm tenantSlug={tenant.slug} member={{ id: member.id, role: member.role, serviceIds: member.services.map((s) => s.id) }} services={services} self={self} />
        </div>
      </section>

      <MemberAccess tenantSlug={tenant.slug} tenantName={tenant.name} member={{ id: member.id, name: member.name, state: member.state }} self={self} />
    </>
  );
}
