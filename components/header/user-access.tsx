import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Icon } from "../icon";
import { SignOutButton } from "../sign-out-button";

/** Who is signed in, as the header needs it (kept independent of the auth module's types). */
export type THeaderViewer = { kind: "citizen" | "staff"; name: string } | null;

// The slim header's right end: "Accedi all'area personale", or the signed-in person's name
// (linking to their area) and "Esci".
export async function UserAccess({ tenantSlug, viewer }: { tenantSlug: string; viewer: THeaderViewer }) {
  const t = await getTranslations("shell.header");
  if (!viewer) {
    return (
      <Link className="btn btn-primary btn-icon btn-full gap-2" href={`/${tenantSlug}/accedi`}>
        <span className="rounded-icon" aria-hidden="true">
          <Icon name="it-user" color="primary" />
        </span>
        <span className="d-lg-none">{t("signInShort")}</span>
        <span className="d-none d-lg-inline">{t("signIn")}</span>
      </Link>
    );
  }
  const areaHref = viewer.kind === "citizen" ? `/${tenantSlug}/area-personale` : `/${tenantSlug}/backoffice`;
  return (
    <div className="user-access d-flex align-items-center gap-2">
      <Link className="user-access-name d-inline-flex align-items-center gap-1 text-white text-decoration-none" href={areaHref}>
        <Icon name="it-user" size="sm" className="icon-white" />
        <span className="visually-hidden">{viewer.kind === "citizen" ? t("personalArea") : t("backoffice")}: </span>
        {/* Phones: no room for the name beside language and "Esci"; it is still the link's name. */}
        <span className="visually-hidden d-sm-none">{viewer.name}</span>
        <span className="d-none d-sm-inline text-truncate">{viewer.name}</span>
      </Link>
      <SignOutButton tenantSlug={tenantSlug} redirectTo={`/${tenantSlug}`} />
    </div>
  );
}
