// Test identities of the local OpenID Connect provider: invented people with realistic Italian
// data (valid fiscal codes, real postal codes) shaped as a SPID/CIE broker returns them.
// e2e tests pick one by fiscal code. Never used when OIDC_ISSUER is set.

export const SPID_L2 = "https://www.spid.gov.it/SpidL2";
export const SPID_L3 = "https://www.spid.gov.it/SpidL3";

export type TDevIdentity = {
  /** OIDC subject: stable, opaque to the app. */
  sub: string;
  fiscal_number: string;
  given_name: string;
  family_name: string;
  /** YYYY-MM-DD */
  birthdate: string;
  email: string;
  phone_number: string;
  address: { street_address: string; postal_code: string; locality: string; region: string; country: string };
  /** Assurance level the provider asserts in the id_token's acr claim. */
  acr: typeof SPID_L2 | typeof SPID_L3;
  /** What the login page says about the identity (e.g. which means of identification it simulates). */
  means: "SPID" | "CIE";
};

export const DEV_IDENTITIES: readonly TDevIdentity[] = [
  {
    sub: "dev-mario-rossi",
    fiscal_number: "RSSMRA85T10H501O",
    given_name: "Mario",
    family_name: "Rossi",
    birthdate: "1985-12-10",
    email: "mario.rossi@example.com",
    phone_number: "+393331234567",
    address: { street_address: "Via del Corso 12", postal_code: "00186", locality: "Roma", region: "RM", country: "IT" },
    acr: SPID_L2,
    means: "SPID",
  },
  {
    sub: "dev-giulia-bianchi",
    fiscal_number: "BNCGLI92C64F205Y",
    given_name: "Giulia",
    family_name: "Bianchi",
    birthdate: "1992-03-24",
    email: "giulia.bianchi@example.com",
    phone_number: "+393479876543",
    address: { street_address: "Corso Buenos Aires 45", postal_code: "20124", locality: "Milano", region: "MI", country: "IT" },
    acr: SPID_L2,
    means: "SPID",
  },
  {
    sub: "dev-giuseppe-esposito",
    fiscal_number: "SPSGPP58L02F839L",
    given_name: "Giuseppe",
    family_name: "Esposito",
    birthdate: "1958-07-02",
    email: "giuseppe.esposito@example.com",
    phone_number: "+393201112233",
    address: { street_address: "Via Toledo 156", postal_code: "80134", locality: "Napoli", region: "NA", country: "IT" },
    acr: SPID_L3,
    means: "CIE",
  },
];

export function findDevIdentity(sub: string): TDevIdentity | undefined {
  return DEV_IDENTITIES.find((i) => i.sub === sub);
}

export function findDevIdentityByFiscalCode(fiscalCode: string): TDevIdentity | undefined {
  return DEV_IDENTITIES.find((i) => i.fiscal_number === fiscalCode);
}
