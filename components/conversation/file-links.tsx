import { useFormatter, useTranslations } from "next-intl";
import { Icon } from "@/components/icon";
import { BYTES_PER_MB } from "@/server/uploads/kinds";

// The files of a message: each opens through the attachments route (which checks who may see
// it), with its kind and size in words. Works in server and client components.

export type TFileLink = { id: string; fileName: string; kind: string; size: number };

export function FileLinks({ tenantSlug, files, label }: { tenantSlug: string; files: TFileLink[]; label: string }) {
  const t = useTranslations("uploads.field");
  const format = useFormatter();
  if (files.length === 0) return null;
  const size = (bytes: number) =>
    bytes < BYTES_PER_MB
      ? t("sizeKb", { size: format.number(Math.max(1, Math.round(bytes / 1024))) })
      : t("sizeMb", { size: format.number(bytes / BYTES_PER_MB, { maximumFractionDigits: 1 }) });
  return (
    <ul className="list-unstyled mb-0 mt-2" aria-label={label}>
      {files.map((f) => (
        <li key={f.id} className="d-flex align-items-center gap-1 mb-1">
          <Icon name={f.kind === "p7m" ? "it-file-signed" : f.kind === "pdf" ? "it-file-pdf" : "it-file-image"} size="sm" color="primary" />
          <a href={`/api/${encodeURIComponent(tenantSlug)}/attachments/${encodeURIComponent(f.id)}${f.kind === "p7m" ? "" : "?inline=1"}`} target={f.kind === "p7m" ? undefined : "_blank"} rel="noopener">
            {f.fileName}
          </a>
          <span className="small text-secondary">
            ({f.kind.toUpperCase()}, {size(f.size)})
          </span>
        </li>
      ))}
    </ul>
  );
}
