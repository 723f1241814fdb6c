"use client";

import "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import "./globals.css";
import { NextIntlClientProvider } from "next-intl";
import { useEffect } from "react";
import { ErrorPanel } from "@/components/error-panel";
import shell from "@/server/i18n/messages/it/shell.json";

// Last-resort error page, shown when the root layout itself failed: no request config is
// available here, so it speaks Italian (the language of record) from the bundled catalogue.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="it">
      <body>
        <NextIntlClientProvider locale="it" messages={{ shell }} timeZone="Europe/Rome">
          <main id="main-content" tabIndex={-1}>
            <ErrorPanel digest={error.digest} onRetry={reset} />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
