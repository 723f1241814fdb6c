import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buildApiReference } from "@/components/api/api-reference-model";
import { Icon } from "@/components/icon";
import { PageTitle } from "@/components/page-title";
import { PlatformShell } from "@/components/platform/platform-shell";
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from "@/server/api/keys";
import { API_SCOPES } from "@/server/api/scopes";
import { openApiDocument } from "@/server/api/v1";
import { WEBHOOK_DELIVERY_MAX_ATTEMPTS, WEBHOOK_RETRY_BASE_MS } from "@/server/webhooks/deliver";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_PING_TYPE } from "@/server/webhooks/events";
import { DEFAULT_TOLERANCE_SECONDS, WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from "@/server/webhooks/signature";
import { CodeBlock, OperationSection, SchemaSection } from "./reference-parts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("developers");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

const OPENAPI_PATH = "/api/v1/openapi.json";

const PROBLEM_TYPES = [
  ["validation-error", 400],
  ["unauthenticated", 401],
  ["forbidden", 403],
  ["not-found", 404],
  ["method-not-allowed", 405],
  ["conflict", 409],
  ["payload-too-large", 413],
  ["unsupported-media-type", 415],
  ["rate-limited", 429],
  ["internal-error", 500],
] as const;

const EVENT_KEYS = {
  "application.submitted": "submitted",
  "application.status_changed": "statusChanged",
  "message.created": "messageCreated",
  "payment.updated": "paymentUpdated",
} as const satisfies Record<(typeof WEBHOOK_EVENT_TYPES)[number], string>;

/** Every event a webhook may receive, with its message key; the test event last. */
const EVENTS = [...WEBHOOK_EVENT_TYPES.map((type) => [type, EVENT_KEYS[type]] as const), [WEBHOOK_PING_TYPE, "ping"] as const];

const GUIDE = ["auth", "scopes", "rateLimit", "errors", "pagination", "webhooks"] as const;

const NODE_SAMPLE = `import { createServer } from "node:http";
import { createHmac, timingSafeEqual } from "node:crypto";

const SECRET = process.env.SPORTELLO_WEBHOOK_SECRET; // "whsec_…", shown once in the back office
const TOLERANCE_SECONDS = ${DEFAULT_TOLERANCE_SECONDS};
const processed = new Set(); // in production: a table with a unique index on the event id

function verify(headers, rawBody) {
  const id = headers["${WEBHOOK_ID_HEADER.toLowerCase()}"];
  const timestamp = headers["${WEBHOOK_TIMESTAMP_HEADER.toLowerCase()}"];
  const signatures = String(headers["${WEBHOOK_SIGNATURE_HEADER.toLowerCase()}"] ?? "").split(" ");
  if (!id || !/^\\d+$/.test(timestamp ?? "")) return null;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return null;
  const expected = createHmac("sha256", SECRET).update(\`\${id}.\${timestamp}.\${rawBody}\`).digest();
  const valid = signatures.some((entry) => {
    const [version, hex = ""] = entry.split("=");
    return version === "v1" && /^[0-9a-f]{64}$/i.test(hex) && timingSafeEqual(expected, Buffer.from(hex, "hex"));
  });
  return valid ? id : null;
}

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const rawBody = Buffer.concat(chunks).toString("utf8"); // exactly as received
    const id = verify(req.headers, rawBody);
    if (!id) return res.writeHead(401).end();
    if (!processed.has(id)) {
      processed.add(id);
      const event = JSON.parse(rawBody); // { id, type, occurredAt, municipality, data }
      console.log(event.type, event.data);
    }
    res.writeHead(204).end(); // 2xx quickly, for duplicates too
  });
}).listen(8080);`;

// GET /sviluppatori — the public reference of the REST API v1, rendered on the server from the
// same OpenAPI document /api/v1/openapi.json serves: a guide (authentication, permissions, rate
// limit, errors, pagination, webhooks), then every operation by tag, then the named schemas.
export default async function DevelopersPage() {
  const [t, tKeys] = await Promise.all([getTranslations("developers"), getTranslations("apiKeys")]);
  const ref = buildApiReference(openApiDocument());
  const known = new Set(ref.schemas.map((s) => s.name));
  const operationCount = ref.tags.reduce((n, tag) => n + tag.operations.length, 0);
  const baseUrl = ref.serverUrl ?? "/api/v1";
  const scopeLabel = (scope: string) => <code>{scope}</code>;

  return (
    <PlatformShell>
      <PageTitle title={t("title")} lead={t("lead")} breadcrumb={[{ label: t("breadcrumb.home"), href: "/" }, { label: t("breadcrumb.current") }]} />

      <section aria-labelledby="openapi-title" className="card border border-primary border-2 rounded my-4">
        <div className="card-body">
          <h2 id="openapi-title" className="h5 mb-2">
            {t("openapi.title")} <span className="badge bg-secondary ms-1 align-middle">{t("openapi.version", { version: ref.version })}</span>
          </h2>
          <p className="mb-2">{t("openapi.text")}</p>
          <p className="mb-3 small">
            {t("openapi.baseUrl")}: <code className="text-break">{baseUrl}</code>
          </p>
          <a href={OPENAPI_PATH} className="btn btn-primary" type="application/json" data-testid="openapi-link">
            <Icon name="it-file" size="sm" color="white" className="me-1" />
            {t("openapi.link")}
          </a>
        </div>
      </section>

      <nav aria-labelledby="toc-title" id="indice" className="mb-5" tabIndex={-1}>
        <h2 id="toc-title" className="h4">
          {t("toc.label")}
        </h2>
        <div className="row">
          <div className="col-12 col-md-4">
            <h3 className="h6 text-uppercase">{t("toc.guide")}</h3>
            <ul className="mb-3">
              {GUIDE.map((id) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(`${id}.title`)}</a>
                </li>
              ))}
            </ul>
            <h3 className="h6 text-uppercase">
              <a href="#schemi">{t("toc.schemas")}</a>
            </h3>
          </div>
          <div className="col-12 col-md-8">
            <h3 className="h6 text-uppercase">
              <a href="#operazioni">{t("toc.operations")}</a>
            </h3>
            <ul className="list-unstyled" data-testid="toc-operations">
              {ref.tags.map((tag) => (
                <li key={tag.name} className="mb-2">
                  <a href={`#${tag.anchor}`} className="fw-semibold">
                    {tag.name}
                  </a>
                  <ul className="list-unstyled ms-3 small">
                    {tag.operations.map((op) => (
                      <li key={op.anchor}>
                        <a href={`#${op.anchor}`}>
                          <span className="font-monospace">{op.method}</span> <span className="font-monospace text-break">{op.path}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </nav>

      <section aria-labelledby="auth" className="mb-5">
        <h2 id="auth" className="h3">
          {t("auth.title")}
        </h2>
        <p>{t("auth.p1")}</p>
        <CodeBlock label={t("auth.example")}>{`curl -H "Authorization: Bearer spk_…" ${baseUrl}/services`}</CodeBlock>
        <p>{t("auth.p2")}</p>
        <p>{t("auth.p3")}</p>
      </section>

      <section aria-labelledby="scopes" className="mb-5">
        <h2 id="scopes" className="h3">
          {t("scopes.title")}
        </h2>
        <p>{t("scopes.lead")}</p>
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("scopes.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scopes.columns.scope")}</th>
                <th scope="col">{t("scopes.columns.allows")}</th>
              </tr>
            </thead>
            <tbody>
              {API_SCOPES.map((scope) => (
                <tr key={scope}>
                  <th scope="row" className="fw-normal">
                    <code className="text-nowrap">{scope}</code>
                  </th>
                  <td>{tKeys(`scopes.${scope}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="rateLimit" className="mb-5">
        <h2 id="rateLimit" className="h3">
          {t("rateLimit.title")}
        </h2>
        <p>{t("rateLimit.p1", { default: DEFAULT_RATE_LIMIT_PER_MINUTE })}</p>
        <dl className="row">
          <dt className="col-sm-4 col-lg-3">
            <code>RateLimit-Limit</code>
          </dt>
          <dd className="col-sm-8 col-lg-9">{t("rateLimit.limit")}</dd>
          <dt className="col-sm-4 col-lg-3">
            <code>RateLimit-Remaining</code>
          </dt>
          <dd className="col-sm-8 col-lg-9">{t("rateLimit.remaining")}</dd>
          <dt className="col-sm-4 col-lg-3">
            <code>RateLimit-Reset</code>
          </dt>
          <dd className="col-sm-8 col-lg-9">{t("rateLimit.reset")}</dd>
        </dl>
        <p>{t("rateLimit.p2")}</p>
      </section>

      <section aria-labelledby="errors" className="mb-5">
        <h2 id="errors" className="h3">
          {t("errors.title")}
        </h2>
        <p>{t("errors.p1")}</p>
        <p>{t("errors.p2")}</p>
        <div className="table-responsive">
          <table className="table" data-testid="problem-types">
            <caption className="visually-hidden">{t("errors.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("errors.columns.type")}</th>
                <th scope="col">{t("errors.columns.status")}</th>
                <th scope="col">{t("errors.columns.meaning")}</th>
              </tr>
            </thead>
            <tbody>
              {PROBLEM_TYPES.map(([type, status]) => (
                <tr key={type} id={`problem-${type}`}>
                  <th scope="row" className="fw-normal">
                    <code className="text-nowrap">/api/v1/problems/{type}</code>
                  </th>
                  <td>{status}</td>
                  <td>{t(`errors.types.${type}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="pagination" className="mb-5">
        <h2 id="pagination" className="h3">
          {t("pagination.title")}
        </h2>
        <p>{t("pagination.p1")}</p>
        <p>{t("pagination.p2")}</p>
        <CodeBlock label={t("pagination.title")}>{`GET ${baseUrl}/services?limit=25\n→ { "items": [ … ], "nextCursor": "czowMTk5…" }\n\nGET ${baseUrl}/services?limit=25&cursor=czowMTk5…\n→ { "items": [ … ], "nextCursor": null }`}</CodeBlock>
      </section>

      <section aria-labelledby="webhooks" className="mb-5">
        <h2 id="webhooks" className="h3">
          {t("webhooks.title")}
        </h2>
        <p>{t("webhooks.p1")}</p>
        <h3 className="h5">{t("webhooks.eventsTitle")}</h3>
        <div className="table-responsive">
          <table className="table">
            <caption className="visually-hidden">{t("webhooks.eventsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("webhooks.columns.event")}</th>
                <th scope="col">{t("webhooks.columns.when")}</th>
              </tr>
            </thead>
            <tbody>
              {EVENTS.map(([type, key]) => (
                <tr key={type}>
                  <th scope="row" className="fw-normal">
                    <code className="text-nowrap">{type}</code>
                  </th>
                  <td>{t(`webhooks.events.${key}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="h5">{t("webhooks.bodyTitle")}</h3>
        <p>{t("webhooks.body")}</p>
        <h3 className="h5">{t("webhooks.headersTitle")}</h3>
        <dl className="row">
          <dt className="col-sm-4 col-lg-3">
            <code>{WEBHOOK_ID_HEADER}</code>
          </dt>
          <dd className="col-sm-8 col-lg-9">{t("webhooks.headerId")}</dd>
          <dt className="col-sm-4 col-lg-3">
            <code>{WEBHOOK_TIMESTAMP_HEADER}</code>
          </dt>
          <dd className="col-sm-8 col-lg-9">{t("webhooks.headerTimestamp")}</dd>
          <dt className="col-sm-4 col-lg-3">
            <code>{WEBHOOK_SIGNATURE_HEADER}</code>
          </dt>
          <dd className="col-sm-8 col-lg-9">
            {t("webhooks.headerSignature")} <code className="text-nowrap">{"${id}.${timestamp}.${rawBody}"}</code>
          </dd>
        </dl>
        <h3 className="h5">{t("webhooks.verifyTitle")}</h3>
        <ol>
          <li>{t("webhooks.step1")}</li>
          <li>{t("webhooks.step2")}</li>
          <li>{t("webhooks.step3")}</li>
          <li>{t("webhooks.step4")}</li>
        </ol>
        <p>{t("webhooks.retries", { base: WEBHOOK_RETRY_BASE_MS / 1000, attempts: WEBHOOK_DELIVERY_MAX_ATTEMPTS })}</p>
        <h3 className="h5">{t("webhooks.sampleTitle")}</h3>
        <CodeBlock label={t("webhooks.sampleTitle")}>{NODE_SAMPLE}</CodeBlock>
      </section>

      <section aria-labelledby="operazioni" className="mb-5">
        <h2 id="operazioni" className="h3">
          {t("operations.title")}
        </h2>
        <p>{t("operations.lead")}</p>
        <p className="text-secondary">{t("operations.count", { count: operationCount })}</p>
        {ref.tags.map((tag) => (
          <section key={tag.name} aria-labelledby={tag.anchor} className="mb-5">
            <h3 id={tag.anchor} className="h4">
              {tag.name}
            </h3>
            {tag.operations.map((op) => (
              <OperationSection key={op.anchor} op={op} known={known} scopeLabel={scopeLabel} />
            ))}
            <p className="small">
              <a href="#indice">{t("toc.backToTop")}</a>
            </p>
          </section>
        ))}
      </section>

      <section aria-labelledby="schemi" className="mb-5">
        <h2 id="schemi" className="h3">
          {t("schemas.title")}
        </h2>
        <p>{t("schemas.lead")}</p>
        {ref.schemas.map((schema) => (
          <SchemaSection key={schema.name} schema={schema} known={known} />
        ))}
        <p className="small">
          <a href="#indice">{t("toc.backToTop")}</a>
        </p>
      </section>
    </PlatformShell>
  );
}
