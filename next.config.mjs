import createNextIntlPlugin from "next-intl/plugin";

// next-intl without locale routing: the locale comes from a cookie or Accept-Language.
const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that must be loaded by Node at run time, not bundled: PGlite (its WASM and data
  // files), the dev OIDC provider and SMTP sink, mail parsing, PDF rendering, SMTP.
  serverExternalPackages: ["@electric-sql/pglite", "oidc-provider", "smtp-server", "mailparser", "@react-pdf/renderer", "nodemailer"],
  poweredByHeader: false,
  // Lets several builds/dev servers of one checkout coexist (helpers, benchmarks); default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // proxy.ts sees every request; Next buffers at most this much of a body for it (default 10 MB),
  // which would cut uploads of up to 100 MB per file (a form's largest limit) plus multipart overhead.
  experimental: { proxyClientMaxBodySize: "101mb" },
};

export default withNextIntl(nextConfig);
