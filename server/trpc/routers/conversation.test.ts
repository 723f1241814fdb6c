import { describe, expect, it } from "vitest";
import { createConversationScenario } from "@/server/conversation/testing";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { callerFor, citizenViewer, staffViewer, trpcCode } from "@/server/test/trpc";

// The conversation procedures through tRPC: staff write on their own municipality's
// applications (others: NOT_FOUND), citizens on their own (and never through staff procedures).

describe("conversation router", () => {
  it("lets the operator write and the citizen reply; refuses the others", async () => {
    const s = await createConversationScenario();
    const asOperator = await callerFor(await staffViewer(s.operator.id), s.tenant.slug);
    const note = await asOperator.conversation.post({ applicationId: s.application.id, kind: "note", body: "Nota" });
    expect(note.internal).toBe(true);

    const asCitizen = await callerFor(await citizenViewer(s.citizen.id), s.tenant.slug);
    expect((await asCitizen.conversation.reply({ applicationId: s.application.id, body: "Grazie" })).id).toBeTruthy();
    expect(await trpcCode(asCitizen.conversation.post({ applicationId: s.application.id, kind: "note", body: "x" }))).toBe("FORBIDDEN");

    const stranger = (await createStaff({ tenantId: (await createTenant()).id, role: "TENANT_ADMIN" })).user;
    expect(await trpcCode((await callerFor(await staffViewer(stranger.id), s.tenant.slug)).conversation.post({ applicationId: s.application.id, kind: "note", body: "x" }))).toBe(
      "NOT_FOUND",
    );
    const luca = await createCitizen();
    expect(await trpcCode((await callerFor(await citizenViewer(luca.id), s.tenant.slug)).conversation.reply({ applicationId: s.application.id, body: "x" }))).toBe("NOT_FOUND");
    expect(await trpcCode((await callerFor(null, s.tenant.slug)).conversation.reply({ applicationId: s.application.id, body: "x" }))).toBe("UNAUTHORIZED");
  });
});
