import { z } from "zod";
import { isValidFiscalCode, normalizeFiscalCode } from "@/server/auth/fiscal-code";
import { MESSAGE_BODY_MAX } from "@/server/conversation/schemas";
import { defineApiRoute } from "../route";
import { pdfBytesOf, PDF_UPLOAD_MAX_BYTES, toApiDocument, ZApiDocument } from "./documents";
import { deliverInboundDocument, deliverInboundMessage, externalIdOf, INBOUND_PDF_MAX_MB, type TInboundMessage } from "./inbound-delivery";
import { iso, ZDateTime, ZNullableDateTime, ZId } from "./schemas";

// Messages and documents for a citizen, addressed by fiscal code, from the municipality's other
// systems (fines, registry office, school canteen…): they appear in the citizen's personal area
// labelled with their source, and the citizen is notified (area, verified email, App IO). See
// inbound-delivery.ts. With externalId a retry is answered 200 with what the first call created.

const ZFiscalCodeParams = z.object({
  fiscalCode: z
    .string()
    .max(40)
    .transform(normalizeFiscalCode)
    .refine(isValidFiscalCode, "apiInbound.errors.fiscalCodeInvalid")
    .meta({ description: "The citizen's fiscal code (codice fiscale), checked with its control character", example: "RSSMRA80A01H501U" }),
});

const ZSourceLabel = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .meta({ description: "Who sends it, as the citizen reads it (\"Da: …\"); default: the API key's name", example: "Polizia locale – sanzioni" });
const ZExternalId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .meta({ description: "Your identifier of this delivery: sending it again returns the first delivery (200) and notifies nobody twice" });

/** Multipart text fields may arrive empty: the same as not sent. */
const optionalPart = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const ZInboundMessage = z
  .object({
    id: ZId,
    recipientFiscalCode: z.string(),
    subject: z.string(),
    body: z.string(),
    sourceLabel: z.string(),
    externalId: z.string().nullable(),
    createdAt: ZDateTime,
    readAt: ZNullableDateTime.meta({ description: "When the citizen opened it" }),
  })
  .meta({ id: "InboundMessage" });

function toInboundMessage(m: TInboundMessage): z.output<typeof ZInboundMessage> {
  return {
    id: m.id,
    recipientFiscalCode: m.citizen?.fiscalCode ?? "",
    subject: m.subject,
    body: m.body,
    sourceLabel: m.sourceLabel ?? "",
    externalId: externalIdOf(m.dedupeKey),
    createdAt: iso(m.createdAt),
    readAt: iso(m.readAt),
  };
}

export const INBOUND_ROUTES = [
  defineApiRoute({
    method: "post",
    path: "/citizens/{fiscalCode}/messages",
    operationId: "sendCitizenMessage",
    summary: "Send a message to a citizen's personal area",
    description:
      "The citizen reads it among the municipality's messages, labelled with its source, and is told by email (if they have a verified address) and on App IO. " +
      "A citizen who never signed in gets it at their first sign-in with SPID/CIE.",
    tag: "Inbound",
    scope: "messages:write",
    params: ZFiscalCodeParams,
    body: {
      kind: "json",
      schema: z
        .object({
          subject: z.string().trim().min(1).max(200),
          body: z.string().trim().min(1).max(MESSAGE_BODY_MAX).meta({ description: "Plain text" }),
          sourceLabel: ZSourceLabel.optional(),
          externalId: ZExternalId.optional(),
        })
        .meta({ id: "NewInboundMessage" }),
    },
    responses: {
      201: { description: "Delivered", json: ZInboundMessage },
      200: { description: "Already delivered with this externalId: the first delivery", json: ZInboundMessage },
    },
    problems: [403, 409],
    handler: async ({ tenantId, key, params, body, ip }) => {
      const { message, created } = await deliverInboundMessage({ tenantId, key, ip, fiscalCode: params.fiscalCode, ...body });
      return { status: created ? 201 : 200, body: toInboundMessage(message) };
    },
  }),
  defineApiRoute({
    method: "post",
    path: "/citizens/{fiscalCode}/documents",
    operationId: "sendCitizenDocument",
    summary: "Send a PDF document to a citizen's personal area",
    description:
      `The citizen finds it among their documents, labelled with its source, with a message announcing it, and is told by email (if they have a verified address) and on App IO. PDF only (checked by content), at most ${INBOUND_PDF_MAX_MB} MB.`,
    tag: "Inbound",
    scope: "documents:write",
    params: ZFiscalCodeParams,
    body: {
      kind: "multipart",
      maxBytes: PDF_UPLOAD_MAX_BYTES,
      schema: z.object({
        file: z.file().meta({ description: `The PDF, at most ${INBOUND_PDF_MAX_MB} MB` }),
        title: z.string().trim().min(1).max(200).meta({ description: "The document's title as the citizen reads it" }),
        sourceLabel: optionalPart(ZSourceLabel),
        message: optionalPart(z.string().trim().max(MESSAGE_BODY_MAX)).meta({ description: "Text of the message announcing the document (default: a standard sentence)" }),
        externalId: optionalPart(ZExternalId),
      }),
    },
    responses: {
      201: { description: "Delivered", json: ZApiDocument },
      200: { description: "Already delivered with this externalId: the first delivery", json: ZApiDocument },
    },
    problems: [403, 409],
    handler: async ({ tenantId, key, params, body, ip }) => {
      const pdf = await pdfBytesOf(body.file);
      const { document, created } = await deliverInboundDocument({
        tenantId,
        key,
        ip,
        fiscalCode: params.fiscalCode,
        title: body.title,
        pdf,
        sourceLabel: body.sourceLabel,
        message: body.message,
        externalId: body.externalId,
      });
      return { status: created ? 201 : 200, body: toApiDocument(document) };
    },
  }),
];
