import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { env } from "@/server/env";
import { inngest } from "@/server/jobs/providers/inngest/client";
import { createInngestFunctions } from "@/server/jobs/providers/inngest/functions";
import { jobRegistry } from "@/server/jobs/registry";

// GET/POST/PUT /api/inngest: Inngest registers and calls Sportello's job functions here.
// Only with JOBS_PROVIDER=inngest; otherwise the endpoint does not exist (404).

type THandler = (req: NextRequest, ctx: unknown) => Promise<Response>;
let handlers: ReturnType<typeof serve> | undefined;

function route(method: "GET" | "POST" | "PUT"): THandler {
  return async (req, ctx) => {
    if (env().JOBS_PROVIDER !== "inngest") return new Response("Not Found", { status: 404 });
    handlers ??= serve({ client: inngest, functions: createInngestFunctions(inngest, jobRegistry) });
    return handlers[method](req, ctx);
  };
}

export const GET = route("GET");
export const POST = route("POST");
export const PUT = route("PUT");
