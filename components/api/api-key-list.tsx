import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import type { TApiKeyRow } from "@/server/api/keys-admin";
import type { TApiKeyStatus } from "@/server/api/keys-admin-values";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

const STATUS_BADGE: Record<TApiKeyStatus, string> = { active: "bg-success", expired: "bg-secondary", revoked: "bg-danger" };

// The municipality's API keys: a table from tablets up, a list of cards on phones (eight columns
// don't fit 375 px). Only each key's visible prefix: the key itself is never kept.
export async function ApiKeyList({ keys, tenant }: { keys: TApiKeyRow[]; tenant: { slug: string; name: string } }) {
  const [t, format] = await Promise.all([getTranslations("apiKeys"), getFormatter()]);
  if (keys.length === 0) {
    return (
      <EmptyState icon="it-key" title={t("list.empty")}>
        {t("list.emptyHelp")}
      </EmptyState>
    );
  }

  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const rows = keys.map((k) => ({
    ...k,
    statusLabel: t(`status.${k.status}`),
    created: when(k.createdAt),
    createdByLabel: k.createdBy ? t("list.createdBy", { name: k.createdBy.name }) : t("list.createdByUnknown"),
    expires: k.expiresAt ? format.dateTime(k.expiresAt, { dateStyle: "medium" }) : t("list.noExpiry"),
    lastUsed: k.lastUsedAt ? when(k.lastUsedAt) : t("list.never"),
    revokedLabel: k.revokedAt ? (k.revokedBy ? t("list.revokedBy", { date: when(k.revokedAt), name: k.revokedBy.name }) : t("list.revokedOn", { date: when(k.revokedAt) })) : null,
    rate: t("list.rateLimit", { count: k.rateLimitPerMinute }),
  }));
  type TRow = (typeof rows)[number];

  const status = (r: TRow) => (
    <>
      <span className={`badge ${STATUS_BADGE[r.status]}`}>{r.statusLabel}</span>
      {r.revokedLabel ? <small className="d-block">{r.revokedLabel}</small> : null}
    </>
  );
  const scopes = (r: TRow) => (
    <ul className="list-unstyled mb-0">
      {r.scopes.map((s) => (
        <li key={s}>
          <code className="text-nowrap">{s}</code>
        </li>
      ))}
    </ul>
  );
  const revoke = (r: TRow) => <RevokeApiKeyButton tenantSlug={tenant.slug} keyId={r.id} name={r.name} prefix={r.prefix} revoked={r.status === "revoked"} />;

  return (
    <>
      <div className="d-none d-lg-block table-responsive">
        <table className="table align-middle" data-testid="api-keys-table">
          <caption className="visually-hidden">{t("list.caption", { tenant: tenant.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.columns.name")}</th>
              <th scope="col">{t("list.columns.prefix")}</th>
              <th scope="col">{t("list.columns.scopes")}</th>
              <th scope="col">{t("list.columns.created")}</th>
              <th scope="col">{t("list.columns.expires")}</th>
              <th scope="col">{t("list.columns.lastUsed")}</th>
              <th scope="col">{t("list.columns.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("list.columns.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-api-key-id={r.id}>
                <th scope="row" className="text-break">
                  {r.name}
                  <small className="d-block fw-normal">{r.rate}</small>
                </th>
                <td>
                  <code className="text-nowrap">{r.prefix}…</code>
                </td>
                <td>{scopes(r)}</td>
                <td>
                  {r.created}
                  <small className="d-block">{r.createdByLabel}</small>
                </td>
                <td>{r.expires}</td>
                <td>{r.lastUsed}</td>
                <td>{status(r)}</td>
                <td className="text-end">{revoke(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="d-lg-none list-unstyled d-grid gap-3 mb-0" data-testid="api-keys-cards">
        {rows.map((r) => (
          <li key={r.id} className="card no-after shadow-sm rounded border" data-api-key-id={r.id}>
            <div className="card-body card-body-compact">
              <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-2">
                <h3 className="h6 mb-0 text-break">{r.name}</h3>
                <span className={`badge ${STATUS_BADGE[r.status]}`}>{r.statusLabel}</span>
              </div>
              <dl className="row small mb-2">
                <dt className="col-5">{t("list.columns.prefix")}</dt>
                <dd className="col-7">
                  <code>{r.prefix}…</code>
                </dd>
                <dt className="col-5">{t("list.columns.scopes")}</dt>
                <dd className="col-7">{scopes(r)}</dd>
                <dt className="col-5">{t("list.columns.created")}</dt>
                <dd className="col-7">
                  {r.created} {r.createdByLabel}
                </dd>
                <dt className="col-5">{t("list.columns.expires")}</dt>
                <dd className="col-7">{r.expires}</dd>
                <dt className="col-5">{t("list.columns.lastUsed")}</dt>
                <dd className="col-7">{r.lastUsed}</dd>
                <dt className="col-5">{t("create.rateLimit")}</dt>
                <dd className="col-7">{r.rateLimitPerMinute}</dd>
                {r.revokedLabel ? (
                  <>
                    <dt className="col-5">{t("list.columns.status")}</dt>
                    <dd className="col-7 mb-0">{r.revokedLabel}</dd>
                  </>
                ) : null}
              </dl>
              {revoke(r)}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
