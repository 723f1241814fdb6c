import { z } from "zod";
import { listDeliveries, getDelivery, redeliver, sendTestEvent } from "@/server/webhooks/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
  type TWebhookAdminInput,
} from "@/server/webhooks/endpoints";
import { WEBHOOK_DELIVERY_STATUSES } from "@/server/webhooks/schemas";
import { router, staffProcedure } from "../init";

// A municipality's webhooks (server/webhooks/): its administrators (and the platform's
// super-admins) only; operators, service managers and other municipalities' staff get
// NOT_FOUND. The form's values are checked by the service (field errors with message keys), so
// the input takes them loosely. The signing secret comes back only from create and rotateSecret.

const admin = staffProcedure("TENANT_ADMIN");

const ZSlug = z.object({ tenantSlug: z.string().min(1) });
const ZId = z.string().min(1).max(100);
const ZEndpointRef = ZSlug.extend({ endpointId: ZId });
const ZDeliveryRef = ZSlug.extend({ deliveryId: ZId });
const ZValues = z.object({ url: z.string().max(5000), description: z.string().max(5000).optional(), events: z.array(z.string().max(100)).max(20) });

type TCtx = { tenant: { id: string }; staff: { id: string }; role: TWebhookAdminInput["actor"]["role"]; ip: string | null };
const ref = (ctx: TCtx): TWebhookAdminInput => ({ tenantId: ctx.tenant.id, actor: { id: ctx.staff.id, role: ctx.role }, ip: ctx.ip });

/** The loose input, handed to the service that checks it (events it does not know: a field error). */
const values = (v: z.infer<typeof ZValues>) => v as Parameters<typeof createWebhookEndpoint>[0]["values"];

export const webhooksRouter = router({
  list: admin.input(ZSlug).query(({ ctx }) => listWebhookEndpoints({ tenantId: ctx.tenant.id })),

  get: admin.input(ZEndpointRef).query(({ ctx, input }) => getWebhookEndpoint({ tenantId: ctx.tenant.id, endpointId: input.endpointId })),

  /** Returns the secret: the only time, with rotateSecret's, that anyone sees it. */
  create: admin.input(ZSlug.extend({ values: ZValues })).mutation(({ ctx, input }) => createWebhookEndpoint({ ...ref(ctx), values: values(input.values) })),

  update: admin
    .input(ZEndpointRef.extend({ values: ZValues }))
    .mutation(({ ctx, input }) => updateWebhookEndpoint({ ...ref(ctx), endpointId: input.endpointId, values: values(input.values) })),

  setEnabled: admin
    .input(ZEndpointRef.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setWebhookEndpointEnabled({ ...ref(ctx), endpointId: input.endpointId, enabled: input.enabled })),

  delete: admin.input(ZEndpointRef).mutation(({ ctx, input }) => deleteWebhookEndpoint({ ...ref(ctx), endpointId: input.endpointId })),

  rotateSecret: admin.input(ZEndpointRef).mutation(({ ctx, input }) => rotateWebhookSecret({ ...ref(ctx), endpointId: input.endpointId })),

  listDeliveries: admin
    .input(
      ZEndpointRef.extend({
        status: z.enum(WEBHOOK_DELIVERY_STATUSES).nullish(),
        cursor: ZId.nullish(),
        limit: z.number().int().min(1).max(100).optional(),
      }),
    )
    .query(({ ctx, input }) => listDeliveries({ tenantId: ctx.tenant.id, endpointId: input.endpointId, status: input.status, cursor: input.cursor, limit: input.limit })),

  getDelivery: admin.input(ZDeliveryRef).query(({ ctx, input }) => getDelivery({ tenantId: ctx.tenant.id, deliveryId: input.deliveryId })),

  redeliver: admin.input(ZDeliveryRef).mutation(({ ctx, input }) => redeliver({ ...ref(ctx), deliveryId: input.deliveryId })),

  sendTest: admin.input(ZEndpointRef).mutation(({ ctx, input }) => sendTestEvent({ ...ref(ctx), endpointId: input.endpointId })),
});
