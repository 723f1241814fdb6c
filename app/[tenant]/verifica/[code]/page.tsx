import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/page-title";
import { findDocumentForVerification } from "@/server/documents/find-document-for-verification";
import { getTenantOr404 } from "../../get-tenant";

type TProps = { params: Promise<{ tenant: string; code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

// GET /{tenant}/verifica/{code} — where a document's QR code leads: confirms that this
// municipality issued it and shows its fingerprint to compare a copy with. Never personal data.
// An unknown code renders ./not-found.tsx (HTTP 404).
export default async function VerifyDocumentPage({ params }: TProps) {
  const { tenant: slug, code } = await params;
  const tenant = await getTenantOr404(slug);
  const document = await findDocumentForVerification({ tenantId: tenant.id, code });
  if (!document) notFound();

  const [t, tShell] = await Promise.all([getTranslations("verify"), getTranslations("shell")]);
  const facts: [string, ReactNode][] = [
    [t("facts.municipality"), tenant.name],
    [t("facts.title"), document.title],
    [t("facts.kind"), t(`kind.${document.kind}`)],
    [t("facts.protocolNumber"), document.protocolNumber ?? t("none")],
    [t("facts.issuedAt"), t("issuedAtValue", { date: document.issuedAt })],
    [t("facts.sha256"), <code key="sha" className="text-break">{document.sha256}</code>],
  ];
  const file = t("compareFileName");

  return (
    <div className="container pb-5">
      <PageTitle
        breadcrumb={[{ label: tShell("breadcrumb.home"), href: `/${slug}` }, { label: t("breadcrumb") }]}
        title={t("title")}
      />
      <div className="row">
        <div className="col-12 col-lg-8">
          {/* Bootstrap Italia's alert draws its own status icon. */}
          <div className="alert alert-success mb-4">
            <h2 className="h4 mb-1">{t("genuineTitle")}</h2>
            <p className="mb-0">{t("genuineBody", { municipality: tenant.name })}</p>
          </div>

          <section aria-labelledby="document-facts" className="mb-4">
            <h2 id="document-facts" className="visually-hidden">
              {t("factsCaption")}
            </h2>
            <dl className="mb-2">
              {facts.map(([label, value]) => (
                <div key={label} className="d-sm-flex border-bottom py-2">
                  <dt className="col-sm-4 fw-semibold">{label}</dt>
                  <dd className="col-sm-8 mb-0 ps-sm-3">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="small text-secondary">{t("privacy")}</p>
          </section>

          <section aria-labelledby="compare-copy">
            <h2 id="compare-copy" className="h4">
              {t("compareTitle")}
            </h2>
            <p>{t("compareBody")}</p>
            <p className="mb-1">{t("compareWindows")}</p>
            <pre className="bg-light p-2 mb-3">
              <code>{`certutil -hashfile ${file} SHA256`}</code>
            </pre>
            <p className="mb-1">{t("compareMacLinux")}</p>
            <pre className="bg-light p-2 mb-3">
              <code>{`shasum -a 256 ${file}`}</code>
            </pre>
            <p>{t("comparePrinted")}</p>
          </section>
        </div>
      </div>
    </div>
  );
}
