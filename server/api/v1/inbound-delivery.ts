import { fitMarkdown, fitSubject } from "@/server/appio/content";
import { sendAppIoMessage, type TAppIoDeps, type TAppIoOutcome } from "@/server/appio/send";
import { SUBMIT_TX_OPTIONS } from "@/server/applications/submit";
import { recordAuditEvent } from "@/server/audit/record";
import { db } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/errors";
import type { Prisma } from "@/server/db/generated/client";
import { issueDocument } from "@/server/documents/issue-document";
import { queueEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { DEFAULT_LOCALE } from "@/server/i18n/config";
import { getTranslator, type TTranslate } from "@/server/i18n/translator";
import { fileStorage } from "@/server/storage/storage";
import type { TFileStorage } from "@/server/storage/types";
import { emitMessageCreated } from "@/server/webhooks/emit";
import { triggerJob } from "@/server/jobs/client";
import { INBOUND_APP_IO_EVENT, type TInboundAppIoPayload } from "./inbound-events";
import type { TApiKeyPrincipal } from "../keys";

// Messages and documents the municipality's other systems send to a citizen by fiscal code
// (POST /api/v1/citizens/{fiscalCode}/messages and /documents): they land in the citizen's
// personal area like the municipality's own, labelled with their source ("Da: Polizia locale"),
// and the citizen is told: the area message itself (for a document, a message announcing it), an
// email if they have a verified address (a notice with a link, never the text: the words stay
// where access needs SPID/CIE), and App IO (addressed by fiscal code, like status notices).
//
// A fiscal code nobody signed in with yet gets its Citizen row now (names empty: the first
// SPID/CIE sign-in writes them), so everything waits for the citizen in their area.
//
// Idempotent with the caller's externalId (dedupeKey "api:<externalId>", unique per
// municipality): a retry answers the first delivery (created: false) and notifies nothing again.
// The message.created job event and the App IO notice (job inbound.app-io, retried like status
// notices) are enqueued in the delivery's transaction.

export const INBOUND_SOURCE = "api";
export const INBOUND_PDF_MAX_MB = 10;
export const INBOUND_PDF_MAX_BYTES = INBOUND_PDF_MAX_MB * 1024 * 1024;

type TAuthor = Pick<TApiKeyPrincipal, "id" | "name" | "prefix">;

export type TInboundDeps = { storage?: TFileStorage; appIo?: TAppIoDeps; now?: Date };

const dedupeKeyOf = (externalId: string | null | undefined) => (externalId ? `api:${externalId}` : null);
/** The message announcing a document shares the document's externalId under its own prefix. */
const documentMessageDedupeKey = (externalId: string | null | undefined) => (externalId ? `api-document:${externalId}` : null);

export function externalIdOf(dedupeKey: string | null): string | null {
  return dedupeKey?.startsWith("api:") ? dedupeKey.slice(4) : null;
}

const externalIdInUse = () =>
  new AppError("CONFLICT", "apiInbound.errors.externalIdInUse", { fields: { externalId: "apiInbound.errors.externalIdInUse" } });

/** The citizen with this fiscal code, created (waiting for their first sign-in) if unknown. */
async function citizenFor(tx: Prisma.TransactionClient, fiscalCode: string) {
  await tx.citizen.createMany({ data: [{ fiscalCode, givenName: "", familyName: "" }], skipDuplicates: true });
  return tx.citizen.findUniqueOrThrow({ where: { fiscalCode }, select: { id: true, fiscalCode: true, email: true, emailVerifiedAt: true } });
}

function areaUrl(tenantSlug: string, path: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/${encodeURIComponent(tenantSlug)}/area-personale/${path}`;
}

async function tenantOf(tenantId: string) {
  const prisma = await db();
  return prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, name: true } });
}

type TNotice = { title: string; paragraphs: string[]; actionUrl: string; actionLabel: string };

/** The email notice, queued in the delivery's transaction, if the citizen has a verified address. */
async function queueNotice(tx: Prisma.TransactionClient, tenantId: string, citizen: { email: string | null; emailVerifiedAt: Date | null }, notice: TNotice) {
  if (!citizen.email || !citizen.emailVerifiedAt) return null;
  const { id } = await queueEmail({ tenantId, to: citizen.email, template: "notification", props: notice, tx });
  return id;
}

/** The App IO notice of an inbound message, or of the message announcing a document: a job
 * enqueued in the delivery's transaction (retried like status notices, never dropped). */

async function enqueueAppIo(tx: Prisma.TransactionClient, payload: TInboundAppIoPayload): Promise<void> {
  await triggerJob(INBOUND_APP_IO_EVENT, payload, { tx, dedupeKey: payload.messageId });
}

/** Sends the App IO notice of `messageId` (the job's step): subject and text of the area message
 * with a link to the area. Retryable failures throw, so the job runs again. */
export async function sendInboundAppIo(payload: TInboundAppIoPayload, deps?: TAppIoDeps): Promise<TAppIoOutcome | null> {
  const prisma = await db();
  const message = await prisma.message.findFirst({
    where: { id: payload.messageId, tenantId: payload.tenantId },
    select: { id: true, subject: true, body: true, citizen: { select: { fiscalCode: true } }, tenant: { select: { slug: true, name: true } } },
  });
  if (!message?.citizen) return null;
  const [t, tIo] = await Promise.all([getTranslator(DEFAULT_LOCALE, "apiInbound"), getTranslator(DEFAULT_LOCALE, "appIo")]);
  const link =
    payload.link === "message"
      ? { label: t("appIo.messageLink"), url: areaUrl(message.tenant.slug, `messaggi?messaggio=${encodeURIComponent(message.id)}`) }
      : { label: t("appIo.documentLink"), url: areaUrl(message.tenant.slug, "documenti") };
  return sendAppIoMessage(
    {
      tenantId: payload.tenantId,
      fiscalCode: message.citizen.fiscalCode,
      subject: fitSubject(message.subject, message.tenant.name),
      markdown: fitMarkdown({ paragraphs: message.body.split("\n\n"), link, signature: tIo("signature", { municipality: message.tenant.name }) }),
      dueDate: null,
    },
    deps,
  );
}

// ---------------------------------------------------------------------------------------------
// Messages

export const INBOUND_MESSAGE_SELECT = {
  id: true,
  subject: true,
  body: true,
  sourceLabel: true,
  dedupeKey: true,
  createdAt: true,
  readAt: true,
  citizen: { select: { fiscalCode: true } },
} as const satisfies Prisma.MessageSelect;

export type TInboundMessage = Prisma.MessageGetPayload<{ select: typeof INBOUND_MESSAGE_SELECT }>;

export type TInboundMessageInput = {
  tenantId: string;
  key: TAuthor;
  ip: string | null;
  fiscalCode: string;
  subject: string;
  body: string;
  sourceLabel?: string | null;
  externalId?: string | null;
};

async function findInboundMessage(tenantId: string, dedupeKey: string, fiscalCode: string): Promise<TInboundMessage | null> {
  const prisma = await db();
  const existing = await prisma.message.findUnique({ where: { tenantId_dedupeKey: { tenantId, dedupeKey } }, select: INBOUND_MESSAGE_SELECT });
  if (existing && existing.citizen?.fiscalCode !== fiscalCode) throw externalIdInUse();
  return existing;
}

export async function deliverInboundMessage(input: TInboundMessageInput, deps: TInboundDeps = {}): Promise<{ message: TInboundMessage; created: boolean }> {
  const dedupeKey = dedupeKeyOf(input.externalId);
  if (dedupeKey) {
    const existing = await findInboundMessage(input.tenantId, dedupeKey, input.fiscalCode);
    if (existing) return { message: existing, created: false };
  }
  const sourceLabel = input.sourceLabel?.trim() || input.key.name;
  const [tenant, t] = await Promise.all([tenantOf(input.tenantId), getTranslator(DEFAULT_LOCALE, "apiInbound")]);
  const prisma = await db();
  let message: TInboundMessage;
  try {
    message = await prisma.$transaction(async (tx) => {
      const citizen = await citizenFor(tx, input.fiscalCode);
      const created = await tx.message.create({
        data: {
          tenantId: input.tenantId,
          citizenId: citizen.id,
          subject: input.subject,
          body: input.body,
          source: INBOUND_SOURCE,
          sourceLabel,
          authorKind: "API",
          authorId: input.key.id,
          dedupeKey,
          createdAt: deps.now,
        },
        select: INBOUND_MESSAGE_SELECT,
      });
      await emitMessageCreated(tx, { tenantId: input.tenantId, messageId: created.id });
      await enqueueAppIo(tx, { tenantId: input.tenantId, messageId: created.id, link: "message" });
      const values = { source: sourceLabel, municipality: tenant.name };
      const emailId = await queueNotice(tx, input.tenantId, citizen, {
        title: t("message.noticeTitle", values),
        paragraphs: [t("message.noticeBody", values), t("message.noticeRead")],
        actionUrl: areaUrl(tenant.slug, `messaggi?messaggio=${encodeURIComponent(created.id)}`),
        actionLabel: t("message.noticeAction"),
      });
      await recordAuditEvent({
        tenantId: input.tenantId,
        actorKind: "API",
        actorId: input.key.id,
        action: "inbound.message.create",
        ip: input.ip,
        details: { apiKey: input.key.prefix, messageId: created.id, citizenId: citizen.id, emailId, ...(input.externalId ? { externalId: input.externalId } : {}) },
        tx,
      });
      return created;
    }, SUBMIT_TX_OPTIONS);
  } catch (e) {
    // Two deliveries of the same externalId at once: the other one won.
    if (dedupeKey && isUniqueViolation(e)) {
      const existing = await findInboundMessage(input.tenantId, dedupeKey, input.fiscalCode);
      if (existing) return { message: existing, created: false };
    }
    throw e;
  }
  return { message, created: true };
}

// ---------------------------------------------------------------------------------------------
// Documents

export const INBOUND_DOCUMENT_SELECT = {
  id: true,
  kind: true,
  title: true,
  protocolNumber: true,
  sha256: true,
  verificationCode: true,
  applicationId: true,
  fileKey: true,
  sourceLabel: true,
  dedupeKey: true,
  issuedAt: true,
  citizen: { select: { fiscalCode: true } },
} as const satisfies Prisma.DocumentSelect;

export type TInboundDocument = Prisma.DocumentGetPayload<{ select: typeof INBOUND_DOCUMENT_SELECT }>;

export type TInboundDocumentInput = {
  tenantId: string;
  key: TAuthor;
  ip: string | null;
  fiscalCode: string;
  title: string;
  /** The PDF, already checked to be one. */
  pdf: Buffer;
  sourceLabel?: string | null;
  /** Text of the message announcing the document (default: a standard sentence). */
  message?: string | null;
  externalId?: string | null;
};

async function findInboundDocument(tenantId: string, dedupeKey: string, fiscalCode: string): Promise<TInboundDocument | null> {
  const prisma = await db();
  const existing = await prisma.document.findUnique({ where: { tenantId_dedupeKey: { tenantId, dedupeKey } }, select: INBOUND_DOCUMENT_SELECT });
  if (existing && existing.citizen?.fiscalCode !== fiscalCode) throw externalIdInUse();
  return existing;
}

function documentMessageText(t: TTranslate, input: { source: string; title: string; message?: string | null }) {
  const intro = input.message?.trim() || t("document.messageBody", { source: input.source, title: input.title });
  return { subject: t("document.messageSubject", { title: input.title }), paragraphs: [intro, t("document.whereToFind")] };
}

export async function deliverInboundDocument(input: TInboundDocumentInput, deps: TInboundDeps = {}): Promise<{ document: TInboundDocument; created: boolean }> {
  const dedupeKey = dedupeKeyOf(input.externalId);
  if (dedupeKey) {
    const existing = await findInboundDocument(input.tenantId, dedupeKey, input.fiscalCode);
    if (existing) return { document: existing, created: false };
  }
  const storage = deps.storage ?? fileStorage();
  const sourceLabel = input.sourceLabel?.trim() || input.key.name;
  const [tenant, t] = await Promise.all([tenantOf(input.tenantId), getTranslator(DEFAULT_LOCALE, "apiInbound")]);
  const text = documentMessageText(t, { source: sourceLabel, title: input.title, message: input.message });
  const prisma = await db();
  const written: string[] = [];
  let document: TInboundDocument;
  try {
    document = await prisma.$transaction(async (tx) => {
      const citizen = await citizenFor(tx, input.fiscalCode);
      const { document: issued } = await issueDocument({ tenantId: input.tenantId, kind: "OTHER", title: input.title, pdf: input.pdf, tx });
      // Stored before the commit: if the commit fails the file is an orphan, never a document without its file.
      const fileKey = `${input.tenantId}/inbound/${issued.id}.pdf`;
      await storage.put(fileKey, input.pdf);
      written.push(fileKey);
      const stored = await tx.document.update({
        where: { id: issued.id },
        data: { citizenId: citizen.id, fileKey, sourceLabel, apiKeyId: input.key.id, dedupeKey, ...(deps.now ? { issuedAt: deps.now, createdAt: deps.now } : {}) },
        select: INBOUND_DOCUMENT_SELECT,
      });
      const message = await tx.message.create({
        data: {
          tenantId: input.tenantId,
          citizenId: citizen.id,
          subject: text.subject,
          body: text.paragraphs.join("\n\n"),
          source: INBOUND_SOURCE,
          sourceLabel,
          authorKind: "API",
          authorId: input.key.id,
          dedupeKey: documentMessageDedupeKey(input.externalId),
          createdAt: deps.now,
        },
        select: { id: true },
      });
      await emitMessageCreated(tx, { tenantId: input.tenantId, messageId: message.id });
      await enqueueAppIo(tx, { tenantId: input.tenantId, messageId: message.id, link: "documents" });
      const values = { source: sourceLabel, title: input.title, municipality: tenant.name };
      const emailId = await queueNotice(tx, input.tenantId, citizen, {
        title: t("document.noticeTitle", values),
        paragraphs: [t("document.noticeBody", values), t("document.noticeRead")],
        actionUrl: areaUrl(tenant.slug, "documenti"),
        actionLabel: t("document.noticeAction"),
      });
      await recordAuditEvent({
        tenantId: input.tenantId,
        actorKind: "API",
        actorId: input.key.id,
        action: "inbound.document.create",
        ip: input.ip,
        details: {
          apiKey: input.key.prefix,
          documentId: stored.id,
          messageId: message.id,
          citizenId: citizen.id,
          emailId,
          ...(input.externalId ? { externalId: input.externalId } : {}),
        },
        tx,
      });
      return stored;
    }, SUBMIT_TX_OPTIONS);
  } catch (e) {
    for (const orphan of written) await storage.delete(orphan).catch(() => undefined);
    if (dedupeKey && isUniqueViolation(e)) {
      const existing = await findInboundDocument(input.tenantId, dedupeKey, input.fiscalCode);
      if (existing) return { document: existing, created: false };
    }
    throw e;
  }
  return { document, created: true };
}
