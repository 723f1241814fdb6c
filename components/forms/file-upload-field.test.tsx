import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TFieldOfType, TFileRef } from "@/server/forms/schema";
import { loadMessages } from "@/server/i18n/messages";
import { FileUploadField, type TFileUploadFieldProps } from "./file-upload-field";

// What the field shows before any interaction (server render): the rules in Italian, an input
// tied to its label, help and errors, and the files already attached with their actions.

const field: TFieldOfType<"file"> = {
  key: "certificatoMedico",
  type: "file",
  label: "Certificato medico",
  required: true,
  help: "Il certificato dell'ASL.",
  maxSizeMb: 10,
  accept: ["pdf", "jpeg", "p7m"],
};
const file: TFileRef = { id: "att-1", name: "certificato.pdf", size: 1_572_864, type: "application/pdf" };

async function render(props: Partial<TFileUploadFieldProps> = {}) {
  const messages = await loadMessages("it");
  return renderToStaticMarkup(
    <NextIntlClientProvider locale="it" messages={messages} timeZone="Europe/Rome">
      <FileUploadField tenantSlug="esempio" applicationId="app-1" field={field} fieldKey="certificatoMedico" value={[]} onChange={() => {}} {...props} />
    </NextIntlClientProvider>,
  );
}

describe("FileUploadField", () => {
  it("says in Italian which types and size are accepted, and ties them and the error to the input", async () => {
    const html = await render({ error: "Allega il documento richiesto per continuare.", errorId: "f-certificatoMedico-error" });
    expect(html).toContain("Formati ammessi: PDF, JPEG, P7M. Dimensione massima: 10 MB.");
    expect(html).toContain('accept=".pdf,application/pdf,.jpg,.jpeg,image/jpeg,.p7m,application/pkcs7-mime"');
    expect(html).toMatch(/aria-describedby="f-certificatoMedico-help f-certificatoMedico-rules f-certificatoMedico-error"/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('<div id="f-certificatoMedico-error" class="invalid-feedback d-block" data-testid="field-error">Allega il documento richiesto per continuare.</div>');
    expect(html).toContain("Carica file");
    expect(html).not.toContain("upload-file-list");
  });

  it("lists the attached file with its size, a link to open it and a labelled remove button; a full field hides the picker", async () => {
    const html = await render({ value: [file] });
    expect(html).toContain('aria-label="File allegati a «Certificato medico»"');
    expect(html).toContain('href="/api/esempio/attachments/att-1?inline=1"');
    expect(html).toContain('<span class="upload-file-weight">1,5 MB</span>');
    expect(html).toContain('aria-label="Rimuovi il file certificato.pdf"');
    expect(html).not.toContain('type="file"');
    expect(html).toContain("Hai allegato il numero massimo di file per questo campo.");
  });

  it("keeps the picker for more files when the field takes several, and is disabled in a preview", async () => {
    const multi = await render({ field: { ...field, multiple: true, maxFiles: 3 }, value: [file] });
    expect(multi).toContain("Puoi allegare fino a 3 file.");
    expect(multi).toContain("Aggiungi un altro file");
    expect(multi).toMatch(/<input[^>]*multiple=""/);
    const preview = await render({ applicationId: null });
    expect(preview).toMatch(/<input[^>]*disabled=""/);
  });
});
