import type { Prisma } from "@/server/db/generated/client";
import { ZFormSchema, type TAnswers } from "@/server/forms/schema";
import { summarizeAnswers, type TSummaryItem } from "@/server/forms/summary";

// The answers as "label → value" rows for the receipt, from the form version the application was
// filled with: visible fields only, option labels, dates and yes/no in Italian; a group's items
// are numbered rows of their own.

type TRow = { label: string; value: string };

function rows(items: TSummaryItem[], prefix = ""): TRow[] {
  return items.flatMap((item) => {
    if (!item.groupItems) return [{ label: `${prefix}${item.label}`, value: item.display }];
    if (item.groupItems.length === 0) return [{ label: `${prefix}${item.label}`, value: item.display }];
    return item.groupItems.flatMap((group) => rows(group.items, `${prefix}${item.label} — ${group.label} — `));
  });
}

export function receiptSummaryRows(formSchema: Prisma.JsonValue, data: Prisma.JsonValue): TRow[] {
  const schema = ZFormSchema.safeParse(formSchema);
  if (!schema.success || typeof data !== "object" || data === null || Array.isArray(data)) return [];
  return summarizeAnswers(schema.data, data as TAnswers).flatMap((page) => rows(page.items));
}
