import { createCallerFactory, router } from "./init";
import { applicationRouter } from "./routers/application";
import { areaRouter } from "./routers/area";
import { backofficeRouter } from "./routers/backoffice";
import { conversationRouter } from "./routers/conversation";
import { inboxRouter } from "./routers/inbox";
import { meRouter } from "./routers/me";
import { workRouter } from "./routers/work";
import { serviceAdminRouter } from "./routers/service-admin";
import { formBuilderRouter } from "./routers/form-builder";
import { serviceGroupsRouter } from "./routers/service-groups";
import { staffAdminRouter } from "./routers/staff-admin";
import { tenantSettingsRouter } from "./routers/tenant-settings";
import { platformRouter } from "./routers/platform";
import { apiKeysRouter } from "./routers/api-keys";
import { webhooksRouter } from "./routers/webhooks";

export const appRouter = router({
  me: meRouter,
  application: applicationRouter,
  backoffice: backofficeRouter,
  area: areaRouter,
  inbox: inboxRouter,
  conversation: conversationRouter,
  work: workRouter,
  serviceAdmin: serviceAdminRouter,
  formBuilder: formBuilderRouter,
  serviceGroups: serviceGroupsRouter,
  staffAdmin: staffAdminRouter,
  tenantSettings: tenantSettingsRouter,
  platform: platformRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;

/** appRouter.createCaller with a context: for server components (server.ts) and tests. */
export const createAppCaller = createCallerFactory(appRouter);
