"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

type TErrorLike = { data?: { messageKey?: string; fields?: Record<string, string> } | null };
export type TGroupNotice = { tone: "success" | "danger"; text: string };

type TRunOptions = {
  /** The notice after success; null: none (the action navigates away). */
  success: string | null;
  /** Handles a refusal itself (field errors next to the fields); true: no notice. */
  onError?: (e: unknown) => boolean;
  /** Where to go after success (the result's page) instead of refreshing this one. */
  goTo?: (result: unknown) => string;
};

/**
 * What every group action does around its mutation: one at a time, then the page refreshed from
 * the server, and a notice (success, or the server's message) for the live region. `busy` stays
 * true until the refreshed page has arrived, so nobody acts on the old order.
 */
export function useGroupAction() {
  const tAll = useTranslations();
  const router = useRouter();
  const [notice, setNotice] = useState<TGroupNotice | null>(null);
  const [running, setRunning] = useState(false);
  const [refreshing, startRefresh] = useTransition();

  async function run(action: () => Promise<unknown>, { success, onError, goTo }: TRunOptions): Promise<boolean> {
    if (running || refreshing) return false;
    setRunning(true);
    setNotice(null);
    try {
      const result = await action();
      if (success !== null) setNotice({ tone: "success", text: success });
      if (goTo) startRefresh(() => router.push(goTo(result)));
      return true;
    } catch (e) {
      if (!onError?.(e)) setNotice({ tone: "danger", text: tAll((e as TErrorLike).data?.messageKey ?? "errors.generic") });
      return false;
    } finally {
      setRunning(false);
      // After a failure too: someone else's change (a service taken by another group) shows up.
      if (!goTo) startRefresh(() => router.refresh());
    }
  }

  const busy = running || refreshing;
  // The outcome is shown (and announced) with the refreshed page, not over the old one.
  return { run, notice: busy ? null : notice, busy };
}

/** The server's field errors of a refused request: field → message key. */
export function errorFields(e: unknown): Record<string, string> {
  return (e as TErrorLike).data?.fields ?? {};
}
