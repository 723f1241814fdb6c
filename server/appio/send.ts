import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { decryptSecret, encryptSecret, SecretDecryptionError } from "@/server/secrets";
import { AppIoError, createAppIoClient, type TAppIoClientOptions, type TAppIoMessage } from "./client";
import { writeAppIoSink } from "./local-sink";

// Sends one App IO message for a municipality: with its own service API key (Tenant.appIoApiKey,
// encrypted with server/secrets.ts) through IO, after checking the citizen's profile; without a
// key, to the local sink in development and tests, and nowhere in production (IO is simply not
// configured there). Every outcome but a retryable failure is returned, so the job step records
// it; retryable failures (429, 5xx, no response) are thrown so the job runs again.

export type TAppIoOutcome =
  | { channel: "io"; status: "sent"; messageId: string }
  /** The citizen is not on IO, or turned this municipality's messages off. */
  | { channel: "io"; status: "notRegistered" | "notAllowed" }
  /** IO refused the request for good (4xx); `detail` is IO's explanation. */
  | { channel: "io"; status: "rejected"; httpStatus: number | null; detail: string | null }
  /** The stored key cannot be decrypted (AUTH_SECRET changed): an administrator must enter it again. */
  | { channel: "io"; status: "keyUnreadable" }
  | { channel: "sink"; status: "written"; sinkId: string }
  | { channel: "none"; status: "noFiscalCode" | "notConfigured" };

export type TAppIoDeps = { sinkDir?: string; client?: Omit<TAppIoClientOptions, "apiKey"> };

/** Where the key is stored: the encryption is bound to this tenant's column. */
const keyContext = (tenantId: string) => `tenant:${tenantId}:appIoApiKey`;

/** The value to store in Tenant.appIoApiKey for a key an administrator entered. */
export function encryptAppIoApiKey(tenantId: string, apiKey: string): string {
  return encryptSecret(apiKey.trim(), { context: keyContext(tenantId) });
}

export function decryptAppIoApiKey(tenantId: string, stored: string): string {
  return decryptSecret(stored, { context: keyContext(tenantId) });
}

export async function sendAppIoMessage(
  input: { tenantId: string } & Omit<TAppIoMessage, "fiscalCode"> & { fiscalCode: string | null },
  deps: TAppIoDeps = {},
): Promise<TAppIoOutcome> {
  // Applicants without SPID have no verified fiscal code: IO addresses people only by it.
  if (!input.fiscalCode) return { channel: "none", status: "noFiscalCode" };
  const message: TAppIoMessage = { ...input, fiscalCode: input.fiscalCode };
  const prisma = await db();
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: input.tenantId }, select: { appIoApiKey: true } });
  if (!tenant.appIoApiKey) {
    if (env().NODE_ENV === "production") return { channel: "none", status: "notConfigured" };
    const { id } = await writeAppIoSink(input.tenantId, message, deps.sinkDir);
    return { channel: "sink", status: "written", sinkId: id };
  }

  let apiKey: string;
  try {
    apiKey = decryptAppIoApiKey(input.tenantId, tenant.appIoApiKey);
  } catch (e) {
    if (e instanceof SecretDecryptionError) return { channel: "io", status: "keyUnreadable" };
    throw e;
  }
  const client = createAppIoClient({ ...deps.client, apiKey });
  try {
    const profile = await client.getProfile(message.fiscalCode);
    if (!profile) return { channel: "io", status: "notRegistered" };
    if (!profile.senderAllowed) return { channel: "io", status: "notAllowed" };
    const { id } = await client.submitMessage(message);
    return { channel: "io", status: "sent", messageId: id };
  } catch (e) {
    if (e instanceof AppIoError && !e.retryable) return { channel: "io", status: "rejected", httpStatus: e.status, detail: e.detail };
    throw e;
  }
}
