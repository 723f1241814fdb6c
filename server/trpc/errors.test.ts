import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/server/errors";
import { errorData, toTRPCError } from "./errors";

describe("tRPC error mapping", () => {
  it("keeps an AppError's code, message key, fields and retry delay", () => {
    const e = toTRPCError(new AppError("TOO_MANY_REQUESTS", "auth.staff.errors.tooManyAttempts", { retryAfterSeconds: 90, fields: { email: "auth.x" } }));
    expect(e.code).toBe("TOO_MANY_REQUESTS");
    expect(errorData(e)).toEqual({ messageKey: "auth.staff.errors.tooManyAttempts", fields: { email: "auth.x" }, retryAfterSeconds: 90 });
  });

  it("turns input validation issues into field errors", () => {
    const parsed = z.object({ email: z.email("auth.staff.errors.missingFields"), age: z.number() }).safeParse({ email: "x", age: "y" });
    const e = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    expect(errorData(e)).toEqual({ messageKey: "errors.badRequest", fields: { email: "auth.staff.errors.missingFields", age: "errors.invalidField" } });
  });

  it("never passes an internal message on", () => {
    const e = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "relation \"x\" does not exist", cause: new Error("db down") });
    expect(errorData(e)).toEqual({ messageKey: "errors.generic" });
  });
});
