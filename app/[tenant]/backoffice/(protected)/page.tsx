import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { requireStaff } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }> };

// GET /{tenant}/backoffice — the back office's first page: who you are here and who works here.
export default async function BackofficeHomePage({ params }: TProps) {
  const { tenant: slug } = await params;
  const { staff, tenant } = await requireStaff(slug);
  const [t, overview] = await Promise.all([getTranslations("backoffice"), (await createCaller(slug)).backoffice.overview()]);
  return (
    <>
      <div className="pb-3">
        <h1 className="mb-2">{t("overview.welcome", { name: staff.name })}</h1>
        <p className="lead mb-0">{t("overview.lead", { tenant: tenant.name })}</p>
      </div>

      <section aria-labelledby="you-title" className="card shadow-sm rounded border mb-4">
        <div className="card-body card-body-compact">
          <h2 id="you-title" className="h5">
            {t("overview.you")}
          </h2>
          <dl className="row mb-0">
            <dt className="col-12 col-md-4 col-xl-3">{t("overview.name")}</dt>
            <dd className="col-12 col-md-8 col-xl-9">{staff.name}</dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("overview.email")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 text-break">{staff.email}</dd>
            <dt className="col-12 col-md-4 col-xl-3">{t("overview.roleHere")}</dt>
            <dd className="col-12 col-md-8 col-xl-9 mb-0" data-testid="staff-role">
              {t(`roles.${overview.role}`)}
            </dd>
          </dl>
        </div>
      </section>

      <section aria-labelledby="applications-title" className="mb-4">
        <h2 id="applications-title" className="h4">
          {t("overview.applicationsTitle")}
        </h2>
        <p>{t("overview.applicationsBody")}</p>
        <a className="btn btn-primary" href={`/${tenant.slug}/backoffice/domande`}>
          {t("overview.applicationsOpen")}
        </a>
      </section>

      <section id="operatori" aria-labelledby="staff-title" tabIndex={-1}>
        <h2 id="staff-title" className="h4">
          {t("overview.staffTitle")}
        </h2>
        {overview.staff.length === 0 ? (
          <EmptyState icon="it-user" title={t("overview.staffEmpty")} />
        ) : (
          <div className="table-responsive">
            <table className="table">
              <caption className="visually-hidden">{t("overview.staffCaption", { tenant: tenant.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("overview.columns.name")}</th>
                  <th scope="col">{t("overview.columns.email")}</th>
                  <th scope="col">{t("overview.columns.role")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.staff.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      {member.name}
                      {member.disabled ? <span className="badge bg-secondary ms-2">{t("overview.disabled")}</span> : null}
                    </th>
                    <td className="text-break">{member.email}</td>
                    <td>{t(`roles.${member.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
