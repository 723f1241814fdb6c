"use client";

import { useEffect, useRef } from "react";

// The outcome of a form of the conversation, announced (aria-live) and focused when it appears,
// so keyboard and screen-reader users land on it after sending.

export type TNotice = { tone: "success" | "danger" | "warning"; text: string };

export function LiveNotice({ notice, testId, className = "mt-3" }: { notice: TNotice | null; testId?: string; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return (
    <div aria-live="polite" className={className}>
      {notice ? (
        <div ref={ref} tabIndex={-1} className={`alert alert-${notice.tone} mb-0`} role={notice.tone === "success" ? "status" : "alert"} data-testid={testId}>
          {notice.text}
        </div>
      ) : null}
    </div>
  );
}
