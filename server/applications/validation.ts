import type { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";

// The form engine (server/forms) turns a FormVersion's schema into a zod validator; services here
// take that builder as a parameter so they don't depend on how forms are built. Wire it as
// `(schema, mode) => buildValidator(schema as TFormSchema, { mode })`.

export type TValidationMode = "draft" | "submit";
export type TFormValidatorFactory = (formSchema: Prisma.JsonValue, mode: TValidationMode) => z.ZodType;

/** Field path ("members.0.fiscalCode") → message key, first issue per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses data with the form's validator; throws BAD_REQUEST with the field errors. */
export function validateFormData(
  factory: TFormValidatorFactory,
  formSchema: Prisma.JsonValue,
  mode: TValidationMode,
  data: unknown,
): Prisma.InputJsonObject {
  const result = factory(formSchema, mode).safeParse(data);
  if (!result.success) {
    throw new AppError("BAD_REQUEST", "applications.errors.invalidData", { fields: fieldErrors(result.error) });
  }
  // The validator's output is the JSON the form posted, cleaned (trimmed, coerced, hidden fields dropped).
  return result.data as Prisma.InputJsonObject;
}
