import { randomInt } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { computeFiscalCode } from "@/server/auth/fiscal-code";
import { db } from "@/server/db/client";
import { createCitizen } from "@/server/test/factories";
import { minimalPdf } from "@/server/uploads/minimal-pdf";

// Test data for the API's messages, documents and inbound deliveries.

/** Files and the App IO sink in a fresh folder (call before anything reads env()). */
export function isolateDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sportello-api-"));
  process.env.DATA_DIR = dir;
  process.env.FILES_DIR = path.join(dir, "files");
  return dir;
}

const LETTERS = "BCDFGHLMNPRSTVZ";
const randomWord = (n: number) => Array.from({ length: n }, () => LETTERS[randomInt(LETTERS.length)]).join("") + "A";

/** A valid fiscal code nobody else has (random names and birth date). */
export function randomFiscalCode(): string {
  const day = String(randomInt(1, 29)).padStart(2, "0");
  const month = String(randomInt(1, 13)).padStart(2, "0");
  return computeFiscalCode({
    familyName: randomWord(4),
    givenName: randomWord(4),
    birthDate: `${randomInt(1940, 2005)}-${month}-${day}`,
    sex: randomInt(2) ? "M" : "F",
    placeCode: "H501",
  });
}

/** A citizen with a valid fiscal code and, unless told otherwise, a verified email. */
export async function createInboundCitizen(opts: { verified?: boolean } = {}) {
  const citizen = await createCitizen({ fiscalCode: randomFiscalCode() });
  if (opts.verified === false) return citizen;
  const prisma = await db();
  return prisma.citizen.update({ where: { id: citizen.id }, data: { emailVerifiedAt: new Date() } });
}

/** A multipart body with `file` (a PDF unless bytes are given) and text fields. */
export function pdfForm(fields: Record<string, string>, file: { bytes?: Buffer; name?: string; type?: string } = {}): FormData {
  const form = new FormData();
  const bytes = file.bytes ?? minimalPdf("Documento di prova");
  form.set("file", new Blob([new Uint8Array(bytes)], { type: file.type ?? "application/pdf" }), file.name ?? "documento.pdf");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** The emails queued to `to` in this municipality. */
export async function emailsTo(tenantId: string, to: string) {
  const prisma = await db();
  return prisma.outboundEmail.findMany({ where: { tenantId, to }, orderBy: { createdAt: "asc" } });
}
