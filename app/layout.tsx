import "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SkipLinks } from "@/components/skip-links";
import { TrackFocus } from "@/components/track-focus";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.meta");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0066cc",
};

// Root of every page: language of the document, Bootstrap Italia, skip links first in the tab
// order. Each section layout (platform, municipality) renders its own header, <main> and footer.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <SkipLinks />
          {children}
          <TrackFocus />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
