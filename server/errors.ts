// The one error type of the server. Services throw AppError(code); server/trpc/errors.ts and
// server/http/problem.ts map it to tRPC and HTTP. Messages are i18n keys under "errors.".
export const ERROR_HTTP_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

export type TAppErrorCode = keyof typeof ERROR_HTTP_STATUS;

export class AppError extends Error {
  readonly code: TAppErrorCode;
  /** i18n key of the citizen-facing message, e.g. "errors.tenantNotFound". */
  readonly messageKey: string;
  /** Field errors: field path → i18n key. */
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: TAppErrorCode,
    messageKey: string,
    opts: { fields?: Record<string, string>; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(messageKey, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.fields = opts.fields;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
