"use client";

import type { TGroupNotice } from "./use-group-action";

// The outcome of the last group action, in a live region that exists before it is filled (so
// screen readers announce it). Bootstrap Italia's alert draws its own status icon. `quietSuccess`:
// a success is only announced, not shown (the change itself is visible, e.g. a new order).
export function GroupNotice({ notice, className = "mb-3", quietSuccess = false }: { notice: TGroupNotice | null; className?: string; quietSuccess?: boolean }) {
  const quiet = quietSuccess && notice?.tone === "success";
  return (
    <div role="status" aria-live="polite" className={quiet ? "visually-hidden" : notice ? className : undefined}>
      {notice ? quiet ? notice.text : <div className={`alert alert-${notice.tone} mb-0`}>{notice.text}</div> : null}
    </div>
  );
}
