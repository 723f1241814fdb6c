import { getTranslations } from "next-intl/server";
import { Icon } from "@/components/icon";
import { signOutEmailApplicantAction } from "@/server/applicants/actions";
import { getCurrentApplicant } from "@/server/applicants/current";

// "Stai compilando come anna@example.it — Esci": shown on the form pages to an applicant
// without SPID (nothing for a citizen signed in with SPID/CIE, or for nobody). "Esci" forgets
// the confirmed address on this browser; drafts stay, and a new email link resumes them.
export async function EmailApplicantBanner({ tenant }: { tenant: { id: string; slug: string } }) {
  const applicant = await getCurrentApplicant(tenant.id);
  if (applicant?.kind !== "email") return null;
  const t = await getTranslations("emailAccess.banner");
  return (
    <div className="bg-light border rounded px-3 py-2 mb-4 d-flex flex-wrap align-items-center justify-content-between gap-2" data-testid="email-applicant-banner">
      <p className="mb-0 d-flex align-items-center gap-2 text-break">
        <Icon name="it-mail" size="sm" color="primary" className="flex-shrink-0" />
        <span>{t.rich("text", { email: applicant.email, b: (chunks) => <strong>{chunks}</strong> })}</span>
      </p>
      <form action={signOutEmailApplicantAction}>
        <input type="hidden" name="tenantSlug" value={tenant.slug} />
        <button type="submit" className="btn btn-sm btn-outline-primary d-inline-flex align-items-center gap-1">
          <Icon name="it-logout" size="sm" className="icon-current" />
          <span>{t("signOut")}</span>
        </button>
      </form>
    </div>
  );
}
