"use client";

import { useTranslations } from "next-intl";

/** As formatProtocolNumber (server/applications/protocol.ts) writes it: ESE-2026-0000123. */
const example = (prefix: string, year: number, seq: number) => `${prefix}-${year}-${String(seq).padStart(7, "0")}`;

// What changing the protocol prefix does: new numbers only. Said before anyone changes it, with
// the latest number given and, once a new prefix is typed, what the next number will look like.
export function ProtocolPrefixNote({
  current,
  next,
  protocol,
}: {
  current: string;
  /** The prefix typed, when it is a valid one. */
  next: string | null;
  protocol: { lastNumber: string | null; year: number; nextSeq: number };
}) {
  const t = useTranslations("tenantSettings.protocol");
  return (
    <div className="alert alert-warning mb-0" data-testid="protocol-prefix-note">
      <h3 className="h6 mb-1">{t("warningTitle")}</h3>
      <p className="mb-2">{t("warning")}</p>
      {protocol.lastNumber ? <p className="mb-2">{t("last", { number: protocol.lastNumber })}</p> : null}
      <p className="mb-0" aria-live="polite">
        {next && next !== current ? t("next", { prefix: next, example: example(next, protocol.year, protocol.nextSeq) }) : null}
      </p>
    </div>
  );
}
