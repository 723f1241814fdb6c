import type { z } from "zod";
import { AppError } from "@/server/errors";

// The services check their input with the same zod schema as the form and the procedure (a call
// from a job or a test gets the same refusals), as BAD_REQUEST with the field errors the form
// shows: field path → i18n key (the schemas' messages are keys).

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    fields[path] ??= /^[a-z][\w-]*(\.[\w-]+)+$/.test(issue.message) ? issue.message : "errors.invalidField";
  }
  const first = Object.values(fields)[0];
  throw new AppError("BAD_REQUEST", first && first !== "errors.invalidField" ? first : "errors.badRequest", { fields });
}
