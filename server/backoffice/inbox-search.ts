import { formatProtocolNumber } from "@/server/applications/protocol";

// What an operator typed in the inbox's search box: a protocol number, a fiscal code or the start
// of a name. Each kind is answered by an index: protocol numbers by the unique
// (tenantId, protocolNumber), fiscal codes by (tenantId, applicantFiscalCode), names by a prefix
// match on "Cognome Nome".

export type TInboxSearch =
  /** Exact protocol numbers to try (as typed, upper case, sequence zero-padded). */
  | { kind: "protocol"; candidates: string[] }
  | { kind: "fiscalCode"; fiscalCode: string }
  /** Lower-case prefix, spaces collapsed; LIKE wildcards are escaped by the query. */
  | { kind: "name"; prefix: string };

/** Italian fiscal code, omocodia letters included (LMNPQRSTUV stand for digits). */
const FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
/** PREFIX-YEAR-SEQUENCE, as formatProtocolNumber writes it (ESE-2026-0000123). */
const PROTOCOL = /^(\S+)-(\d{4})-(\d{1,9})$/;

export function parseInboxSearch(raw: string | undefined | null): TInboxSearch | null {
  const q = (raw ?? "").trim().replace(/\s+/g, " ");
  if (!q) return null;
  const upper = q.toUpperCase();
  if (FISCAL_CODE.test(upper)) return { kind: "fiscalCode", fiscalCode: upper };
  const protocol = PROTOCOL.exec(q);
  if (protocol) {
    const [, prefix, year, seq] = protocol as unknown as [string, string, string, string];
    const padded = seq.length < 7 ? formatProtocolNumber(prefix, Number(year), Number(seq)) : q;
    const candidates = new Set([q, upper, padded, padded.toUpperCase()]);
    return { kind: "protocol", candidates: [...candidates] };
  }
  return { kind: "name", prefix: q.toLowerCase() };
}

/** The prefix as a LIKE pattern: its own %, _ and \ match themselves. */
export function likePrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
