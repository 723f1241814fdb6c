import { useTranslations } from "next-intl";

// Whether citizens see the group in the catalogue, in words: "Visibile nel catalogo" or
// "Nascosto: nessun servizio pubblicato" (the reason is the rule: at least one published member).
export function VisibilityBadge({ visible }: { visible: boolean }) {
  const t = useTranslations("serviceGroups.visibility");
  return <span className={`badge ${visible ? "bg-success" : "bg-secondary"}`}>{visible ? t("visible") : t("hidden")}</span>;
}
