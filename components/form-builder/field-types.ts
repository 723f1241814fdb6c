import type { TFieldType } from "@/server/forms/schema";

/** The field types in the order the "Aggiungi campo" menu offers them (names: formBuilder.field.types.*). */
export const FIELD_TYPES: readonly TFieldType[] = [
  "text",
  "textarea",
  "number",
  "date",
  "email",
  "phone",
  "select",
  "radio",
  "checkboxes",
  "yesno",
  "fiscalCode",
  "iban",
  "address",
  "file",
  "static",
  "group",
];
