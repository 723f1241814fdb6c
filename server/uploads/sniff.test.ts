import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { sniffFileKind } from "./sniff";
import { minimalPdf, uploadFixture } from "./testing";

const der = uploadFixture("signed-der.pdf.p7m");

function pem(bytes: Buffer, label = "PKCS7"): Buffer {
  const lines = bytes.toString("base64").match(/.{1,64}/g)!.join("\n");
  return Buffer.from(`-----BEGIN ${label}-----\n${lines}\n-----END ${label}-----\n`);
}

describe("sniffFileKind", () => {
  it("recognises a real PDF, JPEG and PNG by their first bytes", async () => {
    const pdf = minimalPdf("Certificato");
    // The sample is a PDF a reader opens, not just five magic bytes.
    expect((await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text).toContain("Certificato");
    expect(sniffFileKind(pdf)).toEqual({ kind: "pdf", mimeType: "application/pdf" });
    expect(sniffFileKind(uploadFixture("tiny.jpg"))).toEqual({ kind: "jpeg", mimeType: "image/jpeg" });
    expect(sniffFileKind(uploadFixture("tiny.png"))).toEqual({ kind: "png", mimeType: "image/png" });
  });

  it("recognises a signed P7M in DER and in streamed (indefinite-length) BER", () => {
    expect(sniffFileKind(der)).toEqual({ kind: "p7m", mimeType: "application/pkcs7-mime" });
    expect(sniffFileKind(uploadFixture("signed-ber.pdf.p7m"))?.kind).toBe("p7m");
  });

  it("recognises a P7M saved as Base64 text, bare or with a PEM header", () => {
    expect(sniffFileKind(Buffer.from(der.toString("base64")))?.kind).toBe("p7m");
    expect(sniffFileKind(Buffer.from(der.toString("base64").match(/.{1,76}/g)!.join("\r\n")))?.kind).toBe("p7m");
    expect(sniffFileKind(pem(der))?.kind).toBe("p7m");
    expect(sniffFileKind(pem(der, "CMS"))?.kind).toBe("p7m");
  });

  it("refuses CMS envelopes that are not signed data, and truncated ones", () => {
    const enveloped = Buffer.from(der);
    enveloped[14] = 0x03; // …1.7.3, envelopedData
    expect(der[14]).toBe(0x02);
    expect(sniffFileKind(enveloped)).toBeNull();
    expect(sniffFileKind(der.subarray(0, 200))).toBeNull();
    expect(sniffFileKind(pem(enveloped))).toBeNull();
  });

  it("judges by content only: text, HTML, a ZIP or an empty file are none of the kinds", () => {
    expect(sniffFileKind(Buffer.from("Lettera di presentazione, non un PDF"))).toBeNull();
    expect(sniffFileKind(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(sniffFileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeNull();
    expect(sniffFileKind(Buffer.alloc(0))).toBeNull();
    // Base64 of something that is not a signature, and a PEM of another kind.
    expect(sniffFileKind(Buffer.from(Buffer.from("just some text that is long enough to decode").toString("base64")))).toBeNull();
    expect(sniffFileKind(pem(der, "CERTIFICATE"))).toBeNull();
    // "%PDF-" not at the start.
    expect(sniffFileKind(Buffer.concat([Buffer.from("\n"), minimalPdf()]))).toBeNull();
  });
});
