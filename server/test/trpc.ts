import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import type { TViewer } from "@/server/auth/types";
import { loadViewer } from "@/server/auth/viewer";
import { db } from "@/server/db/client";
import { createContextInner } from "@/server/trpc/context";
import { createAppCaller } from "@/server/trpc/root";

// tRPC callers for tests: as a given viewer (null: signed out) for a municipality, the viewer a
// staff or citizen session would load, and what a call failed with.

export type TStaffViewerOf = Extract<TViewer, { kind: "staff" }>;

/** A tRPC caller as `viewer` (null: signed out) for the municipality `tenantSlug` (null: none). */
export async function callerFor(viewer: TViewer | null, tenantSlug: string | null, ip: string | null = "127.0.0.1") {
  return createAppCaller(await createContextInner({ viewer, tenantSlug, ip }));
}

export type TTestCaller = Awaited<ReturnType<typeof callerFor>>;

/** The viewer a staff session loads, as each request does; throws when it would be refused. */
export async function staffViewer(staffUserId: string, sessionVersion = 0): Promise<TStaffViewerOf> {
  const viewer = await loadViewer({ kind: "staff", staffUserId, name: "x", email: "x", sessionVersion });
  if (viewer?.kind !== "staff") throw new Error("staff viewer expected");
  return viewer;
}

/** A tRPC caller signed in as the staff member `staffUserId`. */
export async function staffCaller(staffUserId: string, tenantSlug: string | null) {
  return callerFor(await staffViewer(staffUserId), tenantSlug);
}

export async function citizenViewer(citizenId: string): Promise<TViewer> {
  const citizen = await (await db()).citizen.findUniqueOrThrow({ where: { id: citizenId } });
  return { kind: "citizen", citizen };
}

/** The TRPCError a call failed with (the test fails when it succeeded or failed otherwise). */
export async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return e as TRPCError;
}

/** The tRPC code a call failed with. */
export async function trpcCode(p: Promise<unknown>): Promise<TRPCError["code"]> {
  return (await trpcError(p)).code;
}

/** "OK" when the call succeeded, else the tRPC code it failed with. */
export async function trpcOutcome(p: Promise<unknown>): Promise<"OK" | TRPCError["code"]> {
  try {
    await p;
    return "OK";
  } catch (e) {
    expect(e).toBeInstanceOf(TRPCError);
    return (e as TRPCError).code;
  }
}
