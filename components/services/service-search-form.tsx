import Form from "next/form";
import { getTranslations } from "next-intl/server";

// Search box of the catalogue: a GET form to /{tenant}/servizi?q=…, so it works without
// JavaScript; with JavaScript next/form navigates on the client and keeps the page's live region.
export async function ServiceSearchForm({ tenantSlug, query, id = "service-search" }: { tenantSlug: string; query?: string; id?: string }) {
  const t = await getTranslations("catalogue.search");
  return (
    <Form action={`/${tenantSlug}/servizi`} role="search" aria-label={t("formLabel")} className="mt-4 mb-4">
      <div className="d-flex flex-column flex-sm-row gap-2 align-items-sm-end">
        <div className="form-group flex-grow-1 mb-0">
          <label htmlFor={id} className="active">
            {t("label")}
          </label>
          <input
            id={id}
            key={query ?? ""}
            name="q"
            type="search"
            className="form-control"
            defaultValue={query ?? ""}
            placeholder={t("placeholder")}
            maxLength={100}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t("submit")}
        </button>
      </div>
    </Form>
  );
}
