import { isValidFiscalCode, normalizeFiscalCode } from "./fiscal-code";
import type { TCitizenClaims } from "./types";

// Maps what a SPID/CIE broker sends (OIDC standard claims plus the fiscal number) to a citizen.
// Brokers differ: some name the fiscal number `fiscal_number`, others use the eIDAS-style
// attribute URI, and SPID prefixes it with "TINIT-".

export const EID_FISCAL_NUMBER_CLAIM = "https://attributes.eid.gov.it/fiscal_number";

type TClaims = Record<string, unknown>;

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

function parseBirthDate(v: unknown): Date | null {
  const s = str(v);
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

function parseAddress(v: unknown): TCitizenClaims["domicile"] {
  let a: unknown = v;
  if (typeof a === "string") {
    try {
      a = JSON.parse(a);
    } catch {
      return { street: a as string };
    }
  }
  if (!a || typeof a !== "object") return null;
  const o = a as TClaims;
  const domicile = {
    street: str(o.street_address) ?? str(o.formatted),
    postalCode: str(o.postal_code),
    city: str(o.locality),
    // SPID's domicileProvince travels as the OIDC `region`.
    province: str(o.region),
    country: str(o.country),
  };
  const present = Object.fromEntries(Object.entries(domicile).filter(([, value]) => value !== undefined));
  return Object.keys(present).length ? present : null;
}

/** SPID level from the acr claim ("https://www.spid.gov.it/SpidL2" → 2); unknown → 1, the lowest. */
export function spidLevelFromAcr(acr: unknown): number {
  const m = /SpidL([123])$/.exec(str(acr) ?? "");
  return m ? Number(m[1]) : 1;
}

/**
 * The citizen described by the claims, or null when they carry no usable fiscal code.
 * `claims` are the userinfo claims laid over the id_token's (which hold acr).
 */
export function citizenClaimsFromOidc(claims: TClaims): TCitizenClaims | null {
  const raw = str(claims.fiscal_number) ?? str(claims[EID_FISCAL_NUMBER_CLAIM]);
  if (!raw) return null;
  const fiscalCode = normalizeFiscalCode(raw);
  // 16-character personal codes; 11-digit numeric codes are given to people awaiting one.
  if (!isValidFiscalCode(fiscalCode) && !/^\d{11}$/.test(fiscalCode)) return null;
  return {
    fiscalCode,
    givenName: str(claims.given_name) ?? "",
    familyName: str(claims.family_name) ?? "",
    birthDate: parseBirthDate(claims.birthdate),
    email: str(claims.email)?.toLowerCase() ?? null,
    domicile: parseAddress(claims.address),
    spidLevel: spidLevelFromAcr(claims.acr),
  };
}

/** Decodes a JWT's payload without verifying it: only for tokens the OIDC client already verified. */
export function decodeVerifiedJwtPayload(jwt: string | undefined): TClaims {
  const payload = jwt?.split(".")[1];
  if (!payload) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return parsed && typeof parsed === "object" ? (parsed as TClaims) : {};
  } catch {
    return {};
  }
}
