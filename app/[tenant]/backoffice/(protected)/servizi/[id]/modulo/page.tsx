import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/breadcrumb";
import { FormBuilder } from "@/components/form-builder/form-builder";
import { requireStaff } from "@/server/auth/session";
import { isAppError } from "@/server/errors";
import { getFormEditor } from "@/server/services/form-versions";

type TProps = { params: Promise<{ tenant: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const [t, tb] = await Promise.all([getTranslations("formBuilder"), getTranslations("backoffice")]);
  return { title: `${t("metaTitle")} · ${tb("metaTitle")}`, robots: { index: false } };
}

// GET /{tenant}/backoffice/servizi/{id}/modulo — the form builder of one service: the
// municipality's administrators only (anyone else: 404, see requireStaff).
export default async function ServiceFormPage({ params }: TProps) {
  const { tenant: slug, id } = await params;
  const { tenant } = await requireStaff(slug, "TENANT_ADMIN");
  const editor = await getFormEditor({ tenantId: tenant.id, serviceId: id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("formBuilder");
  const base = `/${tenant.slug}/backoffice/servizi`;
  return (
    <>
      <Breadcrumb
        items={[
          { label: t("breadcrumb.services"), href: base },
          { label: editor.service.name, href: `${base}/${editor.service.id}` },
          { label: t("breadcrumb.form") },
        ]}
      />
      <h1 className="h2 mb-1">{t("title", { service: editor.service.name })}</h1>
      <p className="mb-3">{t("lead")}</p>
      <FormBuilder tenantSlug={tenant.slug} initial={editor} />
    </>
  );
}
