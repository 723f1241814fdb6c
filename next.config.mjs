/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite, Prisma's generated client and the mail/OIDC dev servers must stay in Node.
  serverExternalPackages: ["@electric-sql/pglite", "oidc-provider", "smtp-server", "mailparser", "@react-pdf/renderer", "nodemailer"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
