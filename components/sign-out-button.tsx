import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/server/auth/actions";
import { Icon } from "./icon";

// "Esci": a form posting to the auth server action, so it works without JavaScript.
export async function SignOutButton({ tenantSlug, className = "btn btn-sm btn-outline-light", redirectTo }: { tenantSlug?: string; className?: string; redirectTo?: string }) {
  const t = await getTranslations("shell.header");
  return (
    <form action={signOutAction} className="d-inline-block">
      {tenantSlug ? <input type="hidden" name="tenant" value={tenantSlug} /> : null}
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <button type="submit" className={`${className} d-inline-flex align-items-center gap-1`}>
        <Icon name="it-logout" size="sm" className="icon-current" />
        <span>{t("signOut")}</span>
      </button>
    </form>
  );
}
