import { performance } from "node:perf_hooks";
import { receiptSummaryRows } from "@/server/applications/receipt-summary";
import type { Prisma } from "@/server/db/generated/client";
import { buildValidator } from "@/server/forms/build-validator";
import { BONUS_ALIMENTARE_FORM } from "@/server/forms/reference-forms";
import { renderReceiptPdf, type TReceiptData } from "@/server/pdf/receipt";
import { foodVoucherAnswers } from "./lib/food-voucher";
import { latency, ms, type TLatency } from "./lib/stats";

// Receipt PDF render time: 200 different food-voucher receipts (households of 0–4 members), built
// as the application.submitted job builds them (validated answers → summary rows → PDF), after a
// warm-up. Renders run one after another: this is the CPU cost of one receipt.

export type TPdfResult = { receipts: number; warmup: number; pages: { min: number; max: number }; bytes: number; latency: TLatency };

/** As the job reads them: the form version's schema and the answers are stored JSON. */
const stored = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.JsonValue;

export function receiptData(i: number): TReceiptData {
  const answers = buildValidator(BONUS_ALIMENTARE_FORM, { mode: "submit" }).parse(foodVoucherAnswers(i, `richiedente${i}@example.test`));
  return {
    municipality: { name: "Comune di Esempio", area: "Provincia di Esempio" },
    tenantSlug: "esempio",
    applicant: { name: `richiedente${i}@example.test`, fiscalCode: "—" },
    serviceName: "Bonus alimentare",
    protocolNumber: `ESE-2026-${String(i + 1).padStart(6, "0")}`,
    submittedAt: new Date(Date.UTC(2026, 10, 23, 8, 0, i)),
    summary: receiptSummaryRows(stored(BONUS_ALIMENTARE_FORM), stored(answers)),
    verificationCode: `BENCH${String(i).padStart(7, "0")}`,
  };
}

function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

export async function runPdfBench({ receipts = 200, warmup = 20 } = {}): Promise<TPdfResult> {
  const data = Array.from({ length: receipts }, (_, i) => receiptData(i));
  for (let i = 0; i < warmup; i++) await renderReceiptPdf(data[i % receipts]!);
  const times: number[] = [];
  let bytes = 0;
  const pages = { min: Infinity, max: 0 };
  for (const d of data) {
    const start = performance.now();
    const pdf = await renderReceiptPdf(d);
    times.push(performance.now() - start);
    bytes += pdf.length;
    const n = pageCount(pdf);
    pages.min = Math.min(pages.min, n);
    pages.max = Math.max(pages.max, n);
  }
  return { receipts, warmup, pages, bytes: Math.round(bytes / receipts), latency: latency(times) };
}

export function describePdf(r: TPdfResult): string {
  return `receipt PDF: ${r.receipts} receipts (${r.pages.min}–${r.pages.max} pages, ~${Math.round(r.bytes / 1024)} KiB): median ${ms(r.latency.p50)}, p95 ${ms(r.latency.p95)}, max ${ms(r.latency.max)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runPdfBench();
  console.log(describePdf(result));
}
