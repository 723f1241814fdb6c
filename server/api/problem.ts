import { AppError, isAppError } from "@/server/errors";
import type { TLocale } from "@/server/i18n/config";
import { translateMessageKey } from "@/server/i18n/translator";
import { messageValues } from "@/server/uploads/upload-error";

// RFC 9457 problem details (application/problem+json), the one error format of the API. The
// `type` is a relative URI naming the problem (documented on the reference page); `detail` is in
// the caller's language (Accept-Language: it, en, de); `errors` lists field errors for 400s with
// a JSON pointer into the request ("/body/reason", "/query/status"). `code` is the stable
// message key, for programs that branch on the cause.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export type TProblemFieldError = { pointer: string; detail: string; code: string };

export type TProblem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: TProblemFieldError[];
  retryAfterSeconds?: number;
};

const TYPE_BY_STATUS: Record<number, string> = {
  400: "validation-error",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  413: "payload-too-large",
  415: "unsupported-media-type",
  429: "rate-limited",
  500: "internal-error",
};

export function problemType(status: number): string {
  return `/api/v1/problems/${TYPE_BY_STATUS[status] ?? "error"}`;
}

/** An error raised by the API layer itself (not a service's AppError): status + message key. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: string,
    readonly opts: { values?: Record<string, string | number>; errors?: { pointer: string; messageKey: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(messageKey);
    this.name = "ApiProblem";
  }
}

/** "fields" of an AppError (path → key) as pointers into the part of the request they came from. */
function pointerOf(path: string, where: string): string {
  const segments = path === "_" ? [] : path.split(".");
  return "/" + [where, ...segments].map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

export async function problemResponse(e: unknown, opts: { locale: TLocale; instance?: string; fieldsIn?: string; headers?: Record<string, string> }): Promise<Response> {
  let status: number;
  let code: string;
  let values: Record<string, string | number> | undefined;
  let errors: { pointer: string; messageKey: string }[] | undefined;
  let retryAfterSeconds: number | undefined;
  const headers: Record<string, string> = { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...opts.headers };

  if (e instanceof ApiProblem) {
    status = e.status;
    code = e.messageKey;
    values = e.opts.values;
    errors = e.opts.errors;
    Object.assign(headers, e.opts.headers);
  } else if (isAppError(e)) {
    status = e.httpStatus;
    code = e.messageKey;
    values = messageValues(e);
    retryAfterSeconds = e.retryAfterSeconds;
    if (e.code === "TOO_MANY_REQUESTS" && retryAfterSeconds !== undefined) values = { seconds: retryAfterSeconds, ...values };
    if (e.fields) errors = Object.entries(e.fields).map(([path, messageKey]) => ({ pointer: pointerOf(path, opts.fieldsIn ?? "body"), messageKey }));
  } else {
    console.error("[api] unexpected error", e);
    const internal = new AppError("INTERNAL", "api.problems.internal", { cause: e });
    status = internal.httpStatus;
    code = internal.messageKey;
  }
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);

  const body: TProblem = {
    type: problemType(status),
    title: await translateMessageKey(opts.locale, `api.titles.${status}`),
    status,
    detail: await translateMessageKey(opts.locale, code, values),
    code,
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(errors?.length
      ? { errors: await Promise.all(errors.map(async (f) => ({ pointer: f.pointer, detail: await translateMessageKey(opts.locale, f.messageKey), code: f.messageKey }))) }
      : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
  return new Response(JSON.stringify(body), { status, headers });
}
