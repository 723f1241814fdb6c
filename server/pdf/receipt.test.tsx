import { performance } from "node:perf_hooks";
import { renderToBuffer } from "@react-pdf/renderer";
import { extractText, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { verificationUrl } from "@/server/documents/verification-url";
import { getTranslator } from "@/server/i18n/translator";
import { ReceiptDocument, renderReceiptPdf, type TReceiptData } from "./receipt";
import { sha256 } from "./sha256";

const LONG_ANSWER =
  "Il richiedente dichiara che il minore frequenterà la scuola primaria di via Roma per l'intero anno scolastico e chiede una dieta priva di glutine, allegando il certificato medico rilasciato dal pediatra. ".repeat(
    10,
  );

function receipt(overrides: Partial<TReceiptData> = {}): TReceiptData {
  return {
    municipality: { name: "Comune di Esempio", area: "Provincia di Esempio" },
    tenantSlug: "esempio",
    applicant: { name: "Maria Rossi", fiscalCode: "RSSMRA80A41H501U" },
    serviceName: "Iscrizione alla mensa scolastica",
    protocolNumber: "ESE-2025-000123",
    submittedAt: new Date("2025-03-14T23:30:00Z"),
    summary: Array.from({ length: 45 }, (_, i) => ({
      label: `Domanda ${i + 1}`,
      value: i % 9 === 4 ? LONG_ANSWER : `Risposta ${i + 1}: sì, perché è così`,
    })),
    verificationCode: "ABCD2345EFGH",
    ...overrides,
  };
}

async function pdfText(pdf: Buffer) {
  return extractText(new Uint8Array(pdf), { mergePages: true });
}

/** A food-voucher household: every member's five answers are rows of their own. */
function household(members: number): TReceiptData["summary"] {
  return [
    { label: "Nome", value: "Maria" },
    { label: "Vivi da solo?", value: "No" },
    ...Array.from({ length: members }, (_, m) =>
      ["Nome", "Cognome", "Codice fiscale", "Rapporto di parentela con te", "Data di nascita"].map((field) => ({
        label: `Componenti del nucleo familiare — Componente ${m + 1} — ${field}`,
        value: `${field} del componente ${m + 1}`,
      })),
    ).flat(),
    { label: "IBAN per l'accredito", value: "IT60 X054 2811 1010 0000 0123 456" },
  ];
}

describe("application receipt PDF", () => {
  it("prints who, what, when and how to verify it, over as many pages as the summary needs", async () => {
    const pdf = await renderReceiptPdf(receipt());

    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const { totalPages, text } = await pdfText(pdf);
    expect(totalPages).toBeGreaterThan(1);
    for (const expected of [
      "Comune di Esempio",
      "Ricevuta di presentazione",
      "Maria Rossi",
      "RSSMRA80A41H501U",
      "Iscrizione alla mensa scolastica",
      "ESE-2025-000123",
      // 23:30 UTC is already the next day in Rome.
      "15 marzo 2025 alle ore 00:30",
      "ABCD2345EFGH",
      verificationUrl("esempio", "ABCD2345EFGH"),
      "Risposta 45: sì, perché è così",
      `Pagina ${totalPages} di ${totalPages}`,
    ]) {
      expect(text).toContain(expected);
    }

    const meta = await getMeta(new Uint8Array(pdf));
    expect(meta.info.Title).toBe("Ricevuta di presentazione ESE-2025-000123");
  });

  it("fits a short receipt on one page", async () => {
    const { totalPages, text } = await pdfText(await renderReceiptPdf(receipt({ summary: [{ label: "Classe", value: "3ª B" }] })));
    expect(totalPages).toBe(1);
    expect(text).toContain("Pagina 1 di 1");
  });

  it("breaks pages where react-pdf's own pagination does", { timeout: 60_000 }, async () => {
    // The receipt plans its pages to render faster; the plain flowing document is the reference.
    const t = await getTranslator("it", "pdf");
    for (const data of [receipt(), receipt({ summary: household(4) }), receipt({ summary: household(12) })]) {
      const planned = await extractText(new Uint8Array(await renderReceiptPdf(data)));
      const url = verificationUrl(data.tenantSlug, data.verificationCode);
      const flowing = await extractText(new Uint8Array(await renderToBuffer(<ReceiptDocument data={data} t={t} url={url} />)));
      expect(planned.totalPages).toBe(flowing.totalPages);
      expect(planned.text).toEqual(flowing.text);
    }
  });

  it("hashes bytes as the standard sha256 tools do", () => {
    expect(sha256(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("renders fast enough to do in a request (timing printed, not asserted)", { timeout: 180_000 }, async () => {
    // A typical one-page receipt: ten answers.
    const data = receipt({ summary: receipt().summary.slice(0, 10).map((r) => ({ ...r, value: r.value.slice(0, 120) })) });
    for (let i = 0; i < 5; i++) await renderReceiptPdf(data);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      await renderReceiptPdf(data);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = (times[24]! + times[25]!) / 2;
    console.log(`receipt PDF (${(await pdfText(await renderReceiptPdf(data))).totalPages} pages): median ${median.toFixed(1)} ms over 50 warm renders (min ${times[0]!.toFixed(1)}, max ${times[49]!.toFixed(1)})`);
    expect(times).toHaveLength(50);
  });
});
