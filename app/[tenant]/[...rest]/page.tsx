import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("metaTitle") };
}

// Any other address under a municipality: its own 404 page, inside its header and footer.
export default function UnknownTenantPage() {
  notFound();
}
