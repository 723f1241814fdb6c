import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { TViewer } from "@/server/auth/types";
import { loadViewer } from "@/server/auth/viewer";
import { createConversationScenario } from "@/server/conversation/testing";
import { db } from "@/server/db/client";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { createContextInner } from "../context";
import { createAppCaller } from "../root";

// The conversation procedures through tRPC: staff write on their own municipality's
// applications (others: NOT_FOUND), citizens on their own (and never through staff procedures).

async function caller(viewer: TViewer | null, tenantSlug: string) {
  return createAppCaller(await createContextInner({ viewer, tenantSlug, ip: "127.0.0.1" }));
}

async function staffViewer(staffUserId: string): Promise<TViewer> {
  const viewer = await loadViewer({ kind: "staff", staffUserId, name: "x", email: "x", sessionVersion: 0 });
  if (!viewer) throw new Error("staff viewer expected");
  return viewer;
}

async function citizenViewer(citizenId: string): Promise<TViewer> {
  const citizen = await (await db()).citizen.findUniqueOrThrow({ where: { id: citizenId } });
  return { kind: "citizen", citizen };
}

async function trpcCode(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TRPCError);
  return (e as TRPCError).code;
}

describe("conversation router", () => {
  it("lets the operator write and the citizen reply; refuses the others", async () => {
    const s = await createConversationScenario();
    const asOperator = await caller(await staffViewer(s.operator.id), s.tenant.slug);
    const note = await asOperator.conversation.post({ applicationId: s.application.id, kind: "note", body: "Nota" });
    expect(note.internal).toBe(true);

    const asCitizen = await caller(await citizenViewer(s.citizen.id), s.tenant.slug);
    expect((await asCitizen.conversation.reply({ applicationId: s.application.id, body: "Grazie" })).id).toBeTruthy();
    expect(await trpcCode(asCitizen.conversation.post({ applicationId: s.application.id, kind: "note", body: "x" }))).toBe("FORBIDDEN");

    const stranger = (await createStaff({ tenantId: (await createTenant()).id, role: "TENANT_ADMIN" })).user;
    expect(await trpcCode((await caller(await staffViewer(stranger.id), s.tenant.slug)).conversation.post({ applicationId: s.application.id, kind: "note", body: "x" }))).toBe(
      "NOT_FOUND",
    );
    const luca = await createCitizen();
    expect(await trpcCode((await caller(await citizenViewer(luca.id), s.tenant.slug)).conversation.reply({ applicationId: s.application.id, body: "x" }))).toBe("NOT_FOUND");
    expect(await trpcCode((await caller(null, s.tenant.slug)).conversation.reply({ applicationId: s.application.id, body: "x" }))).toBe("UNAUTHORIZED");
  });
});
