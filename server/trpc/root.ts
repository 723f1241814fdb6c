import { createCallerFactory, router } from "./init";
import { applicationRouter } from "./routers/application";
import { areaRouter } from "./routers/area";
import { backofficeRouter } from "./routers/backoffice";
import { conversationRouter } from "./routers/conversation";
import { inboxRouter } from "./routers/inbox";
import { meRouter } from "./routers/me";
import { workRouter } from "./routers/work";

export const appRouter = router({
  me: meRouter,
  application: applicationRouter,
  backoffice: backofficeRouter,
  area: areaRouter,
  inbox: inboxRouter,
  conversation: conversationRouter,
  work: workRouter,
});

export type AppRouter = typeof appRouter;

/** appRouter.createCaller with a context: for server components (server.ts) and tests. */
export const createAppCaller = createCallerFactory(appRouter);
