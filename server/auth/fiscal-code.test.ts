import { describe, expect, it } from "vitest";
import { citizenClaimsFromOidc, EID_FISCAL_NUMBER_CLAIM, spidLevelFromAcr } from "./citizen-claims";
import { computeFiscalCode, isValidFiscalCode, normalizeFiscalCode } from "./fiscal-code";
import { DEV_IDENTITIES } from "./oidc-dev/identities";

describe("fiscal codes", () => {
  it("computes the textbook example and checks control characters", () => {
    expect(computeFiscalCode({ familyName: "Rossi", givenName: "Mario", birthDate: "1985-12-10", sex: "M", placeCode: "A562" })).toBe("RSSMRA85T10A562S");
    expect(isValidFiscalCode("RSSMRA85T10A562S")).toBe(true);
    expect(isValidFiscalCode("RSSMRA85T10A562T")).toBe(false);
    expect(isValidFiscalCode("RSSMRA85T10A562")).toBe(false);
  });

  it("matches the data of every test identity (women get day + 40)", () => {
    const places: Record<string, string> = { Roma: "H501", Milano: "F205", Napoli: "F839" };
    const sex: Record<string, "M" | "F"> = { Mario: "M", Giulia: "F", Giuseppe: "M" };
    for (const i of DEV_IDENTITIES) {
      const birthPlace = places[i.address.locality]!;
      expect(computeFiscalCode({ familyName: i.family_name, givenName: i.given_name, birthDate: i.birthdate, sex: sex[i.given_name]!, placeCode: birthPlace })).toBe(i.fiscal_number);
    }
  });

  it("strips the TINIT- prefix SPID brokers send", () => {
    expect(normalizeFiscalCode(" tinit-bncgli92c64f205y ")).toBe("BNCGLI92C64F205Y");
  });
});

describe("citizenClaimsFromOidc", () => {
  const base = {
    given_name: "Giulia",
    family_name: "Bianchi",
    birthdate: "1992-03-24",
    email: "Giulia.Bianchi@Example.com",
    acr: "https://www.spid.gov.it/SpidL2",
    address: { street_address: "Corso Buenos Aires 45", postal_code: "20124", locality: "Milano", region: "MI", country: "IT" },
  };

  it("maps standard claims, the eID fiscal-number attribute and the SPID level", () => {
    expect(citizenClaimsFromOidc({ ...base, [EID_FISCAL_NUMBER_CLAIM]: "TINIT-BNCGLI92C64F205Y" })).toEqual({
      fiscalCode: "BNCGLI92C64F205Y",
      givenName: "Giulia",
      familyName: "Bianchi",
      birthDate: new Date("1992-03-24T00:00:00Z"),
      email: "giulia.bianchi@example.com",
      domicile: { street: "Corso Buenos Aires 45", postalCode: "20124", city: "Milano", province: "MI", country: "IT" },
      spidLevel: 2,
    });
  });

  it("accepts an address sent as a JSON string", () => {
    const claims = citizenClaimsFromOidc({ ...base, fiscal_number: "BNCGLI92C64F205Y", address: JSON.stringify(base.address) });
    expect(claims?.domicile?.city).toBe("Milano");
  });

  it("refuses identities without a valid fiscal code", () => {
    expect(citizenClaimsFromOidc(base)).toBeNull();
    expect(citizenClaimsFromOidc({ ...base, fiscal_number: "BNCGLI92C64F205X" })).toBeNull();
  });

  it("reads the level of assurance, assuming the lowest when unknown", () => {
    expect(spidLevelFromAcr("https://www.spid.gov.it/SpidL3")).toBe(3);
    expect(spidLevelFromAcr(undefined)).toBe(1);
    expect(spidLevelFromAcr("urn:something-else")).toBe(1);
  });
});
