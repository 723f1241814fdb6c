import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import type { TRefField, TRefOperation, TRefSchema, TTypePart } from "@/components/api/api-reference-model";
import { schemaAnchor } from "@/components/api/api-reference-model";

// Pieces of the API reference page: a type (named schemas linked), an operation with its
// parameters, body and responses, a schema with its fields. Tables scroll sideways on phones.

const METHOD_BADGE: Record<string, string> = { GET: "bg-primary", POST: "bg-success", PUT: "bg-warning text-dark", PATCH: "bg-warning text-dark", DELETE: "bg-danger" };

export function MethodBadge({ method }: { method: string }) {
  return <span className={`badge ${METHOD_BADGE[method] ?? "bg-secondary"} font-monospace me-2`}>{method}</span>;
}

export function TypeText({ parts, known }: { parts: TTypePart[]; known: ReadonlySet<string> }) {
  return (
    <code>
      {parts.map((p, i) => (
        <Fragment key={i}>{p.ref && known.has(p.ref) ? <a href={`#${schemaAnchor(p.ref)}`}>{p.text}</a> : p.text}</Fragment>
      ))}
    </code>
  );
}

/** Text of the OpenAPI document: `backticks` become code, the rest stays plain. */
export function DocText({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 && i < parts.length - 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{i % 2 === 1 ? `\`${part}` : part}</Fragment>))}
    </>
  );
}

/** A block of code that may scroll sideways: focusable, so keyboard users can scroll it. */
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <pre className="bg-dark text-white p-3 rounded small mb-3" tabIndex={0} aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}

export type TRefRow = { key: string; cells: ReactNode[] };

/** A table from tablets up; on phones each row becomes a short list of label: value (the
 * table's columns don't fit 375 px). The first column names the row. */
export function RefTable({ caption, columns, rows, className = "" }: { caption: string; columns: string[]; rows: TRefRow[]; className?: string }) {
  return (
    <div className={className}>
      <div className="d-none d-md-block table-responsive">
        <table className="table table-sm align-top small">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="fw-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="d-md-none list-unstyled border-top mb-3" aria-label={caption}>
        {rows.map((r) => (
          <li key={r.key} className="border-bottom py-2">
            <dl className="row small mb-0">
              {r.cells.map((cell, i) => (
                <Fragment key={i}>
                  <dt className="col-4 fw-semibold">{columns[i]}</dt>
                  <dd className="col-8 mb-1 text-break">{cell}</dd>
                </Fragment>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

async function FieldsTable({ caption, fields, known }: { caption: string; fields: TRefField[]; known: ReadonlySet<string> }) {
  const t = await getTranslations("developers.operations");
  return (
    <RefTable
      caption={caption}
      columns={[t("columns.name"), t("columns.type"), t("columns.required"), t("columns.description")]}
      rows={fields.map((f) => ({
        key: f.name,
        cells: [<code key="n">{f.name}</code>, <TypeText key="t" parts={f.type} known={known} />, f.required ? t("yes") : t("no"), f.description ? <DocText key="d" text={f.description} /> : null],
      }))}
    />
  );
}

export async function OperationSection({ op, known, scopeLabel }: { op: TRefOperation; known: ReadonlySet<string>; scopeLabel: (scope: string) => ReactNode }) {
  const t = await getTranslations("developers.operations");
  const name = `${op.method} ${op.path}`;
  return (
    <article className="border-top pt-4 mb-4" aria-labelledby={op.anchor} data-operation={op.operationId}>
      <h4 id={op.anchor} className="h5 d-flex flex-wrap align-items-baseline gap-1">
        <MethodBadge method={op.method} />
        <code className="text-break">{op.path}</code>
      </h4>
      <p className="mb-2 fw-semibold">
        <DocText text={op.summary} />
      </p>
      {op.description ? (
        <p className="mb-2">
          <DocText text={op.description} />
        </p>
      ) : null}
      <p className="mb-3">
        <span className="fw-semibold">{t("scope")}:</span>{" "}
        {op.access.kind === "scope" ? scopeLabel(op.access.scope) : op.access.kind === "key" ? t("anyKey") : t("public")}
      </p>

      {op.parameters.length > 0 ? (
        <>
          <h5 className="h6">{t("parameters")}</h5>
          <RefTable
            caption={t("parametersCaption", { operation: name })}
            columns={[t("columns.name"), t("columns.in"), t("columns.required"), t("columns.type"), t("columns.description")]}
            rows={op.parameters.map((p) => ({
              key: `${p.in}-${p.name}`,
              cells: [
                <code key="n">{p.name}</code>,
                ["path", "query", "header", "cookie"].includes(p.in) ? t(`in.${p.in as "path"}`) : p.in,
                p.required ? t("yes") : t("no"),
                <TypeText key="t" parts={p.type} known={known} />,
                p.description ? <DocText key="d" text={p.description} /> : null,
              ],
            }))}
          />
        </>
      ) : null}

      {op.body ? (
        <>
          <h5 className="h6">{t("body")}</h5>
          <p className="small mb-2">
            {t("contentType")}: <code>{op.body.contentType}</code>
            {op.body.schema && known.has(op.body.schema) ? (
              <>
                {" · "}
                {t("schema")}: <a href={`#${schemaAnchor(op.body.schema)}`}>{op.body.schema}</a>
              </>
            ) : null}
          </p>
          {op.body.description ? (
            <p className="small mb-2">
              <DocText text={op.body.description} />
            </p>
          ) : null}
          {op.body.fields.length > 0 ? <FieldsTable caption={t("bodyCaption", { operation: name })} fields={op.body.fields} known={known} /> : null}
        </>
      ) : null}

      <h5 className="h6">{t("responses")}</h5>
      <RefTable
        caption={t("responsesCaption", { operation: name })}
        columns={[t("responseColumns.status"), t("responseColumns.description"), t("responseColumns.content")]}
        rows={op.responses.map((r) => ({
          key: r.status,
          cells: [
            <code key="s" className="fw-bold">
              {r.status}
            </code>,
            <DocText key="d" text={r.description} />,
            <Fragment key="c">
              {r.contentTypes.length === 0 ? t("noContent") : <code>{r.contentTypes.join(", ")}</code>}
              {r.schema && known.has(r.schema) ? (
                <>
                  {" "}
                  <a href={`#${schemaAnchor(r.schema)}`}>{r.schema}</a>
                </>
              ) : null}
            </Fragment>,
          ],
        }))}
      />
    </article>
  );
}

export async function SchemaSection({ schema, known }: { schema: TRefSchema; known: ReadonlySet<string> }) {
  const t = await getTranslations("developers.schemas");
  return (
    <section className="border-top pt-3 mb-4" aria-labelledby={schema.anchor}>
      <h3 id={schema.anchor} className="h5">
        <code>{schema.name}</code>
      </h3>
      {schema.description ? (
        <p className="small">
          <DocText text={schema.description} />
        </p>
      ) : null}
      {schema.enumValues ? (
        <p className="small">
          {t("values")}: <code>{schema.enumValues.join(", ")}</code>
        </p>
      ) : schema.fields.length > 0 ? (
        <FieldsTable caption={t("caption", { schema: schema.name })} fields={schema.fields} known={known} />
      ) : (
        <p className="small">{t("noFields")}</p>
      )}
    </section>
  );
}
