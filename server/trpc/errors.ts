import { TRPCError, type TRPCDefaultErrorShape, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { AppError, isAppError, type TAppErrorCode } from "@/server/errors";

// The one place where server errors become tRPC errors. Services throw AppError(code, key);
// procedures let it through; the client gets the tRPC code, an i18n message key and field
// errors (field path → key), never an internal message.

const TRPC_CODE: Record<TAppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** Message keys for errors that carry none of their own (keys of the "errors" namespace). */
const DEFAULT_KEYS: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: "errors.badRequest",
  PARSE_ERROR: "errors.badRequest",
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  CONFLICT: "errors.conflict",
  PAYLOAD_TOO_LARGE: "errors.payloadTooLarge",
  TOO_MANY_REQUESTS: "errors.tooManyRequests",
};
const INTERNAL_KEY = "errors.generic";
const INVALID_FIELD_KEY = "errors.invalidField";

/** What the client finds in `error.data` (besides tRPC's own code and httpStatus). */
export type TErrorData = {
  messageKey: string;
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
};

export function toTRPCError(e: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[e.code], message: e.messageKey, cause: e });
}

/** Shorthand for the access checks of procedures: an AppError turned into a TRPCError. */
export function accessError(code: "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND", messageKey = DEFAULT_KEYS[code]!): TRPCError {
  return toTRPCError(new AppError(code, messageKey));
}

export type TIssue = { path?: readonly PropertyKey[] | readonly { key: PropertyKey }[]; message: string };

function hasIssues(cause: unknown): cause is { issues: TIssue[] } {
  return typeof cause === "object" && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

export const KEY_LIKE = /^[a-z][\w-]*(\.[\w-]+)+$/;

/** zod (or any Standard Schema) issues → field path → i18n key. Schemas may use keys as messages. */
export function fieldErrors(issues: readonly TIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null && "key" in p ? p.key : p)).join(".");
    fields[path || "_"] ??= KEY_LIKE.test(issue.message) ? issue.message : INVALID_FIELD_KEY;
  }
  return fields;
}

export function errorData(error: TRPCError): TErrorData {
  const cause = error.cause;
  if (isAppError(cause)) {
    return {
      messageKey: cause.messageKey,
      ...(cause.fields ? { fields: cause.fields } : {}),
      ...(cause.retryAfterSeconds !== undefined ? { retryAfterSeconds: cause.retryAfterSeconds } : {}),
    };
  }
  if (error.code === "BAD_REQUEST" && hasIssues(cause)) {
    return { messageKey: DEFAULT_KEYS.BAD_REQUEST!, fields: fieldErrors(cause.issues) };
  }
  return { messageKey: DEFAULT_KEYS[error.code] ?? INTERNAL_KEY };
}

/** initTRPC's errorFormatter. */
export function errorFormatter({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
  const data = errorData(error);
  if (error.code === "INTERNAL_SERVER_ERROR" && !isAppError(error.cause)) console.error("[trpc] internal error", error.cause ?? error);
  return {
    ...shape,
    message: data.messageKey,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      ...data,
      // Stack traces only while developing.
      ...(process.env.NODE_ENV === "development" ? { stack: shape.data.stack } : {}),
    },
  };
}
