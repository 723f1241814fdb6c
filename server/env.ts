import { z } from "zod";

// Every environment variable Sportello reads, validated once. A wrong or missing required
// variable stops the process with a message naming it. Keep .env.example and README in step.
const ZBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Public base URL of the app, used in emails, QR codes and OIDC redirects. */
    APP_URL: z.url().default("http://localhost:3000"),
    PORT: z.coerce.number().int().positive().default(3000),
    /** PostgreSQL connection string. Unset: embedded PostgreSQL (PGlite) in DATA_DIR. */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
    /** Connections per process to DATABASE_URL (PostgreSQL only; the embedded database has one). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
    /** Folder for embedded database, mail sink, uploads and demo credentials. */
    DATA_DIR: z.string().default(".data"),
    /** Secret that signs session cookies; required in production. */
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** OpenID Connect issuer for citizens (SPID/CIE broker). Unset: the local provider runs. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).default("sportello"),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Port of the local development OpenID Connect provider. */
    OIDC_DEV_PORT: z.coerce.number().int().positive().default(3001),
    /** SMTP server for outgoing mail. Unset: the local sink runs on SMTP_DEV_PORT. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    SMTP_DEV_PORT: z.coerce.number().int().positive().default(2525),
    /** Show the sink's mail at /dev/mail. Default: on exactly when SMTP_URL is unset. */
    DEV_MAIL_UI: ZBool.optional(),
    EMAIL_FROM: z.string().default("Sportello <noreply@sportello.localhost>"),
    /** Background jobs: local (in-process, persisted in the database) or inngest. */
    JOBS_PROVIDER: z.enum(["local", "inngest"]).default("local"),
    /** Start the local job worker in this process (set false on web-only instances). */
    JOBS_WORKER: ZBool.default(true),
    /** Jobs one worker runs at once (in the app process or in `npm run worker`). */
    JOBS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    INNGEST_EVENT_KEY: z.string().optional(),
    INNGEST_SIGNING_KEY: z.string().optional(),
    /** Staff sign-in: failures allowed per email (and per address) in the window. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    /** e2e only: every demo staff account gets this password (see server/db/seed.ts). */
    SEED_E2E_STAFF_PASSWORD: z.string().min(8).optional(),
    /** e2e only: an API key of the demo municipality with every scope (see server/db/seed.ts). */
    SEED_E2E_API_KEY: z.string().regex(/^spk_[A-Za-z0-9_-]{20,}$/, "must be spk_ followed by at least 20 base64url characters").optional(),
    /** Webhooks may target loopback and private addresses (default: only outside production). */
    WEBHOOK_ALLOW_PRIVATE_URLS: ZBool.optional(),
    /** How long a webhook receiver has to answer, in milliseconds. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(1000).max(60_000).default(10_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Where uploaded files and issued PDFs are kept: local disk (FILES_DIR) or an S3-compatible bucket. */
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    /** Folder of the local-disk storage. Unset: DATA_DIR/files. */
    FILES_DIR: z.string().optional(),
    /** S3-compatible endpoint, addressed path-style (<endpoint>/<bucket>/<key>). */
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3–63 lower-case letters, digits, dots, hyphens)").optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** App IO Services API (municipalities' keys are set per tenant). Unset: https://api.io.pagopa.it/api/v1. */
    APP_IO_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (at least 32 random characters)" });
    }
    if (env.NODE_ENV === "production" && env.OIDC_ISSUER && !env.OIDC_CLIENT_SECRET) {
      ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_SECRET"], message: "is required when OIDC_ISSUER is set" });
    }
    if (env.JOBS_PROVIDER === "inngest" && env.NODE_ENV === "production" && !env.INNGEST_SIGNING_KEY) {
      ctx.addIssue({ code: "custom", path: ["INNGEST_SIGNING_KEY"], message: "is required when JOBS_PROVIDER=inngest" });
    }
    if (env.STORAGE_DRIVER === "s3") {
      for (const name of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when STORAGE_DRIVER=s3" });
      }
    }
  });

export type TEnv = z.infer<typeof ZEnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example and README.md.`);
  }
  return result.data;
}

let cached: TEnv | undefined;

/** The validated environment (parsed on first use). */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The validated environment, or exit with the message naming what is wrong (start-up). */
export function envOrExit(): TEnv {
  try {
    return env();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
