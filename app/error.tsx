"use client";

import { useEffect } from "react";
import { ErrorPanel } from "@/components/error-panel";

// Error boundary of every page under the root layout (which still renders: language, skip links).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <>
      <main id="main-content" tabIndex={-1} className="flex-grow-1">
        <ErrorPanel digest={error.digest} onRetry={reset} />
      </main>
      <footer id="footer" tabIndex={-1} className="it-footer">
        <div className="it-footer-small-prints py-3" />
      </footer>
    </>
  );
}
