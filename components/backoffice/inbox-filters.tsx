import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { INBOX_ASSIGNED_PARAMS, type TInboxParams } from "@/server/backoffice/inbox-params";

// Search and filters of the inbox: one GET form, so the result is a URL anyone can share and the
// form works without JavaScript (with it, next/form navigates on the client). The sort is kept;
// the page cursor is not (new filters start from the first page).

type TOption = { value: string; label: string };
type TField = { id: string; name: keyof TInboxParams; label: string; value: string };

function FilterSelect({ id, name, label, value, allLabel, options }: TField & { allLabel: string; options: TOption[] }) {
  return (
    <div className="col-12 col-md-6 col-xl-3">
      <div className="select-wrapper">
        <label htmlFor={id}>{label}</label>
        <select id={id} name={name} defaultValue={value}>
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function DateFilter({ id, name, label, value }: TField) {
  return (
    <div className="col-12 col-md-6 col-xl-3">
      <div className="form-group mb-0">
        <label htmlFor={id} className="active">
          {label}
        </label>
        <input id={id} name={name} type="date" className="form-control" defaultValue={value} />
      </div>
    </div>
  );
}

export async function InboxFilters({
  path,
  params,
  services,
  statuses,
}: {
  path: string;
  params: TInboxParams;
  services: { id: string; name: string }[];
  statuses: TOption[];
}) {
  const t = await getTranslations("backoffice.inbox");
  const assigned: TOption[] = [
    { value: INBOX_ASSIGNED_PARAMS.me, label: t("filters.assignedMe") },
    { value: INBOX_ASSIGNED_PARAMS.anyone, label: t("filters.assignedAnyone") },
    { value: INBOX_ASSIGNED_PARAMS.nobody, label: t("filters.assignedNobody") },
  ];
  // key: the form's fields take the URL's values again after a client-side navigation.
  const key = JSON.stringify(params);
  return (
    <Form action={path} role="search" aria-label={t("search.label")} className="card shadow-sm rounded border mb-4 sp-form" key={key}>
      <div className="card-body">
        {params.ordina ? <input type="hidden" name="ordina" value={params.ordina} /> : null}
        <div className="d-flex flex-column flex-md-row gap-2 align-items-md-start">
          <div className="form-group flex-grow-1 mb-3">
            <label htmlFor="inbox-q" className="active">
              {t("search.label")}
            </label>
            <input
              id="inbox-q"
              name="q"
              type="search"
              className="form-control"
              defaultValue={params.q}
              maxLength={100}
              autoComplete="off"
              aria-describedby="inbox-q-hint"
            />
            <small id="inbox-q-hint" className="form-text">
              {t("search.hint")}
            </small>
          </div>
          <button type="submit" className="btn btn-primary mt-md-4">
            {t("search.submit")}
          </button>
        </div>

        <fieldset>
          <legend className="h6 px-0">{t("filters.title")}</legend>
          <div className="row g-3">
            <FilterSelect
              id="inbox-service"
              name="servizio"
              label={t("filters.service")}
              value={params.servizio}
              allLabel={t("filters.allServices")}
              options={services.map((s) => ({ value: s.id, label: s.name }))}
            />
            <FilterSelect
              id="inbox-status"
              name="stato"
              label={t("filters.status")}
              value={params.stato}
              allLabel={t("filters.allStatuses")}
              options={statuses}
            />
            <FilterSelect
              id="inbox-assigned"
              name="assegnate"
              label={t("filters.assigned")}
              value={params.assegnate}
              allLabel={t("filters.assignedAll")}
              options={assigned}
            />
            <div className="col-12 col-md-6 col-xl-3 d-flex align-items-end">
              <div className="form-check mb-2">
                <input id="inbox-overdue" name="scadute" type="checkbox" value="1" defaultChecked={params.scadute === "1"} />
                <label htmlFor="inbox-overdue">{t("filters.overdue")}</label>
              </div>
            </div>
            <DateFilter id="inbox-from" name="dal" label={t("filters.from")} value={params.dal} />
            <DateFilter id="inbox-to" name="al" label={t("filters.to")} value={params.al} />
            <div className="col-12 col-xl-6 d-flex flex-wrap gap-2 align-items-end">
              <button type="submit" className="btn btn-outline-primary">
                {t("filters.apply")}
              </button>
              <Link href={path} className="btn btn-link">
                {t("filters.reset")}
              </Link>
            </div>
          </div>
        </fieldset>
      </div>
    </Form>
  );
}
