import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InboxFilters } from "@/components/backoffice/inbox-filters";
import { InboxStatusCounts } from "@/components/backoffice/inbox-status-counts";
import { InboxTable } from "@/components/backoffice/inbox-table";
import { EmptyState } from "@/components/empty-state";
import { Icon } from "@/components/icon";
import { APPLICATION_STATUS, statusLabelKey } from "@/server/applications/status";
import { requireStaff } from "@/server/auth/session";
import { INBOX_PAGE_SIZE } from "@/server/backoffice/inbox";
import {
  INBOX_SORT_PARAMS,
  hasInboxFilters,
  inboxHref,
  inboxQueryFromParams,
  readInboxParams,
  type TSearchParams,
} from "@/server/backoffice/inbox-params";
import { createCaller } from "@/server/trpc/server";

type TProps = { params: Promise<{ tenant: string }>; searchParams: Promise<TSearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backoffice");
  return { title: `${t("inbox.metaTitle")} · ${t("metaTitle")}`, robots: { index: false } };
}

/** The statuses an operator can filter by: everything from submission on. */
const FILTER_STATUSES = Object.values(APPLICATION_STATUS).filter((s) => s >= APPLICATION_STATUS.SUBMITTED);

// GET /{tenant}/backoffice/domande — the inbox: the municipality's submitted applications with
// search, filters, counts per status, sortable dates and keyset pages. Everything is in the URL.
export default async function InboxPage({ params, searchParams }: TProps) {
  const { tenant: slug } = await params;
  const { staff, tenant } = await requireStaff(slug);
  const path = `/${tenant.slug}/backoffice/domande`;
  const p = readInboxParams(await searchParams);
  const { filters, sort, cursor } = inboxQueryFromParams(p);
  const { status: _status, ...countFilters } = filters;

  const api = await createCaller(slug);
  const [t, tExport, page, counts, services] = await Promise.all([
    getTranslations("backoffice.inbox"),
    getTranslations("export"),
    api.inbox.list({ filters, sort, cursor, limit: INBOX_PAGE_SIZE }).catch((e: unknown) => {
      // A cursor that no longer fits (edited URL, old link): back to the first page.
      if (e instanceof TRPCError && e.code === "BAD_REQUEST" && cursor) return null;
      throw e;
    }),
    api.inbox.counts({ filters: countFilters }),
    api.inbox.services(),
  ]);
  if (!page) redirect(inboxHref(path, p, { pagina: "" }));

  const href = (changes: Parameters<typeof inboxHref>[2]) => inboxHref(path, p, changes);
  const matching = counts.filter((c) => !filters.status || filters.status.includes(c.status)).reduce((sum, c) => sum + c.count, 0);

  return (
    <>
      <h1 className="mb-2">{t("title")}</h1>
      <p className="lead">{t("lead", { tenant: tenant.name })}</p>

      <InboxFilters
        path={path}
        params={p}
        services={services}
        statuses={FILTER_STATUSES.map((s) => ({ value: String(s), label: t(statusLabelKey(s)) }))}
      />

      <InboxStatusCounts counts={counts} selected={p.stato} hrefFor={(stato) => href({ stato })} />

      <section aria-labelledby="inbox-results-title">
        <div className="d-flex flex-wrap align-items-baseline justify-content-between gap-2 mb-2">
          <h2 id="inbox-results-title" className="h4 mb-0" data-testid="inbox-results">
            {t("results", { count: matching })}
          </h2>
          {matching > 0 ? (
            // A download, not a page: a plain link (no prefetch), carrying the current filters.
            <a className="btn btn-outline-primary btn-sm" href={inboxHref(`/api/${tenant.slug}/backoffice/domande/export.csv`, p, { pagina: "" })} download data-testid="inbox-export">
              <Icon name="it-download" size="sm" className="icon-current me-1" />
              {tExport("link")}
              <span className="visually-hidden">: {tExport("linkHint")}</span>
            </a>
          ) : null}
        </div>
        {page.items.length === 0 ? (
          <EmptyState icon="it-files" title={t("empty.title")} headingLevel={3}>
            {hasInboxFilters(p) ? (
              <>
                {t("empty.filtered")} <Link href={path}>{t("filters.reset")}</Link>
              </>
            ) : (
              t("empty.none")
            )}
          </EmptyState>
        ) : (
          <InboxTable
            items={page.items}
            caption={t("caption", { tenant: tenant.name, sort: t(`sort.${sort}`) })}
            sort={sort}
            sortHref={(s) => href({ ordina: INBOX_SORT_PARAMS[s] })}
            applicationHref={(id) => `${path}/${id}`}
            dossierHref={(citizenId) => `/${tenant.slug}/backoffice/cittadini/${citizenId}`}
            viewerId={staff.id}
          />
        )}

        {p.pagina || page.prevCursor || page.nextCursor ? (
          <nav className="pagination-wrapper justify-content-center mt-3" aria-label={t("pagination.label")}>
            <ul className="pagination flex-wrap">
              {p.pagina ? (
                <li className="page-item">
                  <Link className="page-link" href={href({ pagina: "" })}>
                    {t("pagination.first")}
                  </Link>
                </li>
              ) : null}
              {page.prevCursor ? (
                <li className="page-item">
                  <Link className="page-link" href={href({ pagina: page.prevCursor })} rel="prev">
                    <Icon name="it-chevron-left" color="primary" />
                    {t("pagination.previous")}
                  </Link>
                </li>
              ) : null}
              {page.nextCursor ? (
                <li className="page-item">
                  <Link className="page-link" href={href({ pagina: page.nextCursor })} rel="next">
                    {t("pagination.next")}
                    <Icon name="it-chevron-right" color="primary" />
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </>
  );
}
