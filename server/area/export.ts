import { statusLabelKey } from "@/server/applications/status";
import { db } from "@/server/db/client";
import { DEFAULT_LOCALE, TIME_ZONE, type TLocale } from "@/server/i18n/config";
import { getTranslator } from "@/server/i18n/translator";
import { citizenVisibleAttachmentWhere } from "@/server/conversation/attachment-keys";
import { buildTimeline, type TAreaRef } from "./applications";
import { citizenMessagesWhere } from "./messages";
import { ownDocumentsWhere } from "./documents";

// "I miei dati": everything this municipality holds about the citizen, as one JSON document
// (GDPR art. 15 and 20). The identity is national; every other row is this municipality's.
// Secrets are left out (code hashes, follow-link token hashes, storage keys), and emails are
// listed without their stored props (which may carry such links). What the office keeps for
// itself (internal notes and their files) is not the citizen's to read and stays out.

export const MY_DATA_FORMAT = "sportello.my-data";
export const MY_DATA_VERSION = 1;

export async function exportMyData({ tenantId, citizenId, locale = DEFAULT_LOCALE, now = new Date() }: TAreaRef & { locale?: TLocale; now?: Date }) {
  const prisma = await db();
  const [tenant, citizen] = await Promise.all([
    prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, name: true, contactEmail: true } }),
    prisma.citizen.findUniqueOrThrow({
      where: { id: citizenId },
      select: {
        fiscalCode: true,
        givenName: true,
        familyName: true,
        birthDate: true,
        email: true,
        emailVerifiedAt: true,
        phone: true,
        phoneVerifiedAt: true,
        domicile: true,
        spidLevel: true,
        lastLoginAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
  ]);

  const [applications, messages, documents, verifications] = await Promise.all([
    prisma.application.findMany({
      where: { tenantId, citizenId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        protocolNumber: true,
        data: true,
        currentPageKey: true,
        submittedAt: true,
        registeredAt: true,
        dueDate: true,
        lastSavedAt: true,
        draftExpiresAt: true,
        createdAt: true,
        updatedAt: true,
        service: { select: { slug: true, name: true } },
        formVersion: { select: { version: true } },
        statusChanges: { where: { tenantId }, orderBy: { createdAt: "asc" }, select: { fromStatus: true, toStatus: true, actorKind: true, reason: true, createdAt: true } },
        attachments: {
          where: { tenantId, ...citizenVisibleAttachmentWhere() },
          orderBy: { createdAt: "asc" },
          select: { id: true, fieldKey: true, messageId: true, fileName: true, kind: true, mimeType: true, size: true, sha256: true, createdAt: true },
        },
        integrationRequests: {
          where: { tenantId },
          orderBy: { createdAt: "asc" },
          select: { message: true, documents: true, deadline: true, answeredAt: true, answerText: true, closedAt: true, createdAt: true },
        },
      },
    }),
    prisma.message.findMany({
      where: citizenMessagesWhere({ tenantId, citizenId }),
      orderBy: { createdAt: "asc" },
      select: { id: true, applicationId: true, subject: true, body: true, source: true, sourceLabel: true, authorKind: true, createdAt: true, readAt: true },
    }),
    prisma.document.findMany({
      where: ownDocumentsWhere({ tenantId, citizenId }),
      orderBy: { issuedAt: "asc" },
      select: { id: true, applicationId: true, kind: true, title: true, protocolNumber: true, sha256: true, verificationCode: true, sourceLabel: true, issuedAt: true },
    }),
    prisma.contactVerification.findMany({
      where: { citizenId },
      orderBy: { createdAt: "asc" },
      select: { channel: true, value: true, attempts: true, createdAt: true, expiresAt: true, consumedAt: true },
    }),
  ]);

  // Emails this municipality sent to the citizen's current address or to one they confirmed.
  const addresses = [...new Set([citizen.email, ...verifications.filter((v) => v.channel === "EMAIL" && v.consumedAt).map((v) => v.value)])].filter(
    (a): a is string => !!a,
  );
  const emails = addresses.length
    ? await prisma.outboundEmail.findMany({
        where: { tenantId, to: { in: addresses, mode: "insensitive" } },
        orderBy: { createdAt: "asc" },
        select: { id: true, to: true, subject: true, template: true, status: true, createdAt: true, sentAt: true },
      })
    : [];

  const tApps = await getTranslator(locale, "applications");
  return {
    format: MY_DATA_FORMAT,
    version: MY_DATA_VERSION,
    exportedAt: now.toISOString(),
    municipality: tenant,
    citizen,
    applications: await Promise.all(
      applications.map(async ({ statusChanges, formVersion, ...a }) => ({
        ...a,
        statusLabel: tApps(statusLabelKey(a.status)),
        formVersion: formVersion.version,
        // buildTimeline keeps the (already chronological) order, so entries line up with the changes.
        statusHistory: (await buildTimeline(statusChanges, locale)).map((e, i) => ({
          from: statusChanges[i]!.fromStatus,
          to: e.status,
          label: e.label,
          at: e.at,
          by: e.actor,
          reason: e.reason,
        })),
      })),
    ),
    messages,
    documents,
    contactVerifications: verifications,
    emails,
  };
}

export type TMyDataExport = Awaited<ReturnType<typeof exportMyData>>;

/** "i-miei-dati-esempio-2026-11-23.json" (the date in Italy). */
export function myDataFileName(tenantSlug: string, at: Date): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  return `i-miei-dati-${tenantSlug}-${day}.json`;
}
