import { describe, expect, it } from "vitest";
import { BRAND_SWATCHES, contrastWithWhite, MIN_BRAND_CONTRAST } from "@/components/theme/brand-colors";
import { composeEmailFrom, splitEmailFrom, ZTenantSettingsValues, type TTenantSettingsForm } from "./settings-values";

// What an administrator may type in "Impostazioni": the rules the form and the server share.

const valid: TTenantSettingsForm = {
  name: "Comune di Prova",
  area: "Provincia di Prova",
  protocolPrefix: "PRV",
  contactEmail: "urp@prova.example.it",
  contactPhone: "+39 0123 456789",
  website: "https://www.comune.prova.it",
  address: "Piazza del Municipio 1, 00100 Prova",
  emailFromName: "Comune di Prova",
  emailFromAddress: "noreply@prova.example.it",
  brandColor: "#0066cc",
};

/** The i18n key of the first problem with `field`, or null when the values pass. */
function problem(patch: Partial<TTenantSettingsForm>, field: keyof TTenantSettingsForm): string | null {
  const result = ZTenantSettingsValues.safeParse({ ...valid, ...patch });
  return result.success ? null : (result.error.issues.find((i) => i.path[0] === field)?.message ?? null);
}

describe("settings values", () => {
  it("accepts a complete set and normalises it (prefix upper case, colour #rrggbb, blanks → null)", () => {
    const out = ZTenantSettingsValues.parse({ ...valid, protocolPrefix: "prv2", brandColor: "#17334F", area: "  ", website: "" });
    expect(out).toMatchObject({ protocolPrefix: "PRV2", brandColor: "#17334f", area: null, website: null });
  });

  it("refuses a brand colour too light for white text (contrast < 4.5:1) and accepts a dark enough one", () => {
    // Teal of Bootstrap Italia's palette: 3.42:1 with white.
    expect(contrastWithWhite("#089b96")).toBeLessThan(MIN_BRAND_CONTRAST);
    expect(problem({ brandColor: "#089b96" }, "brandColor")).toBe("tenantSettings.errors.brandColorContrast");
    expect(problem({ brandColor: "#ffd700" }, "brandColor")).toBe("tenantSettings.errors.brandColorContrast");
    // #0073e6 is just above the line (4.57:1), #006644 well above.
    expect(problem({ brandColor: "#0073e6" }, "brandColor")).toBeNull();
    expect(problem({ brandColor: "#006644" }, "brandColor")).toBeNull();
    expect(problem({ brandColor: "blue" }, "brandColor")).toBe("tenantSettings.errors.brandColorInvalid");
    expect(problem({ brandColor: "#12345" }, "brandColor")).toBe("tenantSettings.errors.brandColorInvalid");
  });

  it("offers only swatches that pass the contrast check", () => {
    for (const s of BRAND_SWATCHES) expect(contrastWithWhite(s.hex), s.hex).toBeGreaterThanOrEqual(MIN_BRAND_CONTRAST);
  });

  it("takes a protocol prefix of 2 to 6 letters or digits only", () => {
    for (const ok of ["ES", "ESE", "C0MUNE", "ab12"]) expect(problem({ protocolPrefix: ok }, "protocolPrefix"), ok).toBeNull();
    for (const bad of ["E", "TROPPOL", "ES-1", "ÈSE", "ES E", ""]) {
      expect(problem({ protocolPrefix: bad }, "protocolPrefix"), bad).toBe("tenantSettings.errors.protocolPrefixInvalid");
    }
  });

  it("takes only https web addresses, and valid emails and phone numbers", () => {
    expect(problem({ website: "http://www.comune.prova.it" }, "website")).toBe("tenantSettings.errors.websiteInvalid");
    expect(problem({ website: "javascript:alert(1)" }, "website")).toBe("tenantSettings.errors.websiteInvalid");
    expect(problem({ website: "https://utente:pw@www.comune.prova.it" }, "website")).toBe("tenantSettings.errors.websiteInvalid");
    expect(problem({ website: "comune.prova.it" }, "website")).toBe("tenantSettings.errors.websiteInvalid");
    expect(problem({ website: "https://www.comune.prova.it/servizi?x=1" }, "website")).toBeNull();
    expect(problem({ contactEmail: "urp@" }, "contactEmail")).toBe("tenantSettings.errors.emailInvalid");
    expect(problem({ contactPhone: "chiamaci" }, "contactPhone")).toBe("tenantSettings.errors.phoneInvalid");
    expect(problem({ name: "X" }, "name")).toBe("tenantSettings.errors.nameRequired");
  });

  it("checks the email sender: a name needs an address, and may not forge headers", () => {
    expect(problem({ emailFromAddress: "" }, "emailFromAddress")).toBe("tenantSettings.errors.senderAddressRequired");
    expect(problem({ emailFromName: 'Comune" <evil@x.it>' }, "emailFromName")).toBe("tenantSettings.errors.senderNameInvalid");
    expect(problem({ emailFromName: "Comune\r\nBcc: x@y.it" }, "emailFromName")).toBe("tenantSettings.errors.senderNameInvalid");
    expect(problem({ emailFromAddress: "non un indirizzo" }, "emailFromAddress")).toBe("tenantSettings.errors.emailInvalid");
    // Both blank: the platform's default sender.
    expect(ZTenantSettingsValues.parse({ ...valid, emailFromName: "", emailFromAddress: "" }).emailFromAddress).toBeNull();
  });

  it("writes the sender as one header value and reads it back", () => {
    expect(composeEmailFrom("Comune di Prova", "noreply@prova.it")).toBe("Comune di Prova <noreply@prova.it>");
    expect(composeEmailFrom("Comune di Prova, Ufficio tributi", "tributi@prova.it")).toBe('"Comune di Prova, Ufficio tributi" <tributi@prova.it>');
    expect(composeEmailFrom("", "noreply@prova.it")).toBe("noreply@prova.it");
    expect(composeEmailFrom("Comune", null)).toBeNull();
    expect(splitEmailFrom('"Comune di Prova, Ufficio tributi" <tributi@prova.it>')).toEqual({ name: "Comune di Prova, Ufficio tributi", address: "tributi@prova.it" });
    expect(splitEmailFrom("Comune di Esempio <noreply@esempio.it>")).toEqual({ name: "Comune di Esempio", address: "noreply@esempio.it" });
    expect(splitEmailFrom("noreply@esempio.it")).toEqual({ name: "", address: "noreply@esempio.it" });
    expect(splitEmailFrom(null)).toEqual({ name: "", address: "" });
  });
});
