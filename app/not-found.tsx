import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlatformShell } from "@/components/platform/platform-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("metaTitle"), robots: { index: false } };
}

// The platform's 404 (also shown for an unknown municipality), served with status 404.
export default async function NotFound() {
  const t = await getTranslations("shell.notFound");
  return (
    <PlatformShell>
      <div className="py-5">
        <p className="display-1 fw-bold text-primary mb-0" aria-hidden="true">
          404
        </p>
        <h1 className="mb-3">{t("title")}</h1>
        <p className="lead">{t("body")}</p>
        <Link className="btn btn-primary" href="/">
          {t("home")}
        </Link>
      </div>
    </PlatformShell>
  );
}
