import { createCallerFactory, router } from "./init";
import { backofficeRouter } from "./routers/backoffice";
import { meRouter } from "./routers/me";

export const appRouter = router({
  me: meRouter,
  backoffice: backofficeRouter,
});

export type AppRouter = typeof appRouter;

/** appRouter.createCaller with a context: for server components (server.ts) and tests. */
export const createAppCaller = createCallerFactory(appRouter);
