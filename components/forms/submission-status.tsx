"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";

type TProps = {
  applicationId: string;
  receiptHref: string;
  followHref: string;
  isCitizen: boolean;
  initial: { status: number; protocolNumber: string | null };
};

const POLL_MS = 1500;

// The confirmation's live part: polls until the protocol number and the receipt exist, then stops.
export function SubmissionStatus({ applicationId, receiptHref, followHref, isCitizen, initial }: TProps) {
  const t = useTranslations("forms.submitted");
  const format = useFormatter();
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.application.status.queryOptions({ id: applicationId }),
    refetchInterval: (q) => (q.state.data?.protocolNumber && q.state.data.hasReceipt ? false : POLL_MS),
  });
  const protocolNumber = data?.protocolNumber ?? initial.protocolNumber;
  const date = (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Rome" });

  return (
    <>
      <div className="alert alert-success" role="status" aria-live="polite" data-testid="submission-status">
        {protocolNumber ? (
          <>
            <p className="mb-1">{t("registered")}</p>
            <p className="h4 mb-1">
              {t("protocolNumber")}: <span data-testid="protocol-number">{protocolNumber}</span>
            </p>
            {data?.registeredAt ? <p className="mb-1">{t("registeredAt", { date: date(data.registeredAt) })}</p> : null}
            {data?.dueDate ? <p className="mb-0">{t("dueDate", { date: date(data.dueDate) })}</p> : null}
          </>
        ) : (
          <p className="mb-0">{t("waitingProtocol")}</p>
        )}
      </div>
      <p>{isCitizen ? t("nextStepsCitizen") : t("nextStepsEmail")}</p>
      <div className="d-flex flex-column flex-sm-row gap-3">
        {data?.hasReceipt ? (
          <a className="btn btn-primary" href={receiptHref} data-testid="receipt-link">
            {t("downloadReceipt")}
          </a>
        ) : null}
        <a className="btn btn-outline-primary" href={followHref}>
          {isCitizen ? t("openInArea") : t("follow")}
        </a>
      </div>
    </>
  );
}
