import { AppError, type TAppErrorCode } from "@/server/errors";

// An AppError whose message needs values ("at most {max} MB", "only {types}"). The upload route
// translates messageKey with them; anything handling plain AppErrors still gets code and key.

export type TMessageValues = Record<string, string | number>;

export class UploadError extends AppError {
  readonly values: TMessageValues;

  constructor(code: TAppErrorCode, messageKey: string, values: TMessageValues) {
    super(code, messageKey);
    this.name = "UploadError";
    this.values = values;
  }
}

export function messageValues(e: AppError): TMessageValues | undefined {
  return e instanceof UploadError ? e.values : undefined;
}
