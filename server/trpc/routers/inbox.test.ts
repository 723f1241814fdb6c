import { beforeAll, describe, expect, it } from "vitest";
import { createTestService } from "@/server/applications/testing";
import type { TViewer } from "@/server/auth/types";
import { createInboxApplications } from "@/server/backoffice/testing";
import { createCitizen, createStaff, createTenant } from "@/server/test/factories";
import { callerFor, staffViewer, trpcCode } from "@/server/test/trpc";

// Who may read a municipality's inbox through tRPC: its staff only. Citizens are refused
// (FORBIDDEN); staff of another municipality are told it does not exist (NOT_FOUND).

describe("inbox router", () => {
  let tenantA: Awaited<ReturnType<typeof createTenant>>;
  let tenantB: Awaited<ReturnType<typeof createTenant>>;
  let operatorA: TViewer;
  let adminB: TViewer;
  let applicationA: string;
  let serviceA: Awaited<ReturnType<typeof createTestService>>;

  beforeAll(async () => {
    tenantA = await createTenant();
    tenantB = await createTenant();
    serviceA = await createTestService({ tenantId: tenantA.id });
    const serviceB = await createTestService({ tenantId: tenantB.id });
    applicationA = (await createInboxApplications({ tenantId: tenantA.id, service: serviceA, applications: [{ status: 3000 }] }))[0]!;
    await createInboxApplications({ tenantId: tenantB.id, service: serviceB, applications: [{ status: 3000 }, { status: 4000 }] });
    operatorA = await staffViewer((await createStaff({ tenantId: tenantA.id, role: "OPERATOR" })).user.id);
    adminB = await staffViewer((await createStaff({ tenantId: tenantB.id, role: "TENANT_ADMIN" })).user.id);
  });

  it("gives an operator the list, the counts and the services of their municipality", async () => {
    const api = await callerFor(operatorA, tenantA.slug);
    const page = await api.inbox.list({ sort: "submittedAt_desc", limit: 10 });
    expect(page.items.map((i) => i.id)).toEqual([applicationA]);
    expect(await api.inbox.counts({})).toEqual([{ status: 3000, statusLabelKey: "status.REGISTERED", count: 1 }]);
    expect(await api.inbox.services()).toEqual([{ id: serviceA.id, name: serviceA.name }]);
  });

  it("answers NOT_FOUND to staff of another municipality, even its administrator", async () => {
    const api = await callerFor(adminB, tenantA.slug);
    expect(await trpcCode(api.inbox.list({}))).toBe("NOT_FOUND");
    expect(await trpcCode(api.inbox.counts({}))).toBe("NOT_FOUND");
    expect(await trpcCode(api.inbox.services())).toBe("NOT_FOUND");
  });

  it("answers FORBIDDEN to a citizen and UNAUTHORIZED to anonymous visitors", async () => {
    const citizen = await createCitizen();
    const asCitizen = await callerFor({ kind: "citizen", citizen }, tenantA.slug);
    expect(await trpcCode(asCitizen.inbox.list({}))).toBe("FORBIDDEN");
    expect(await trpcCode(asCitizen.inbox.counts({}))).toBe("FORBIDDEN");
    expect(await trpcCode((await callerFor(null, tenantA.slug)).inbox.list({}))).toBe("UNAUTHORIZED");
  });

  it("refuses a page size over 100 and a made-up cursor as bad requests", async () => {
    const api = await callerFor(operatorA, tenantA.slug);
    expect(await trpcCode(api.inbox.list({ limit: 101 }))).toBe("BAD_REQUEST");
    expect(await trpcCode(api.inbox.list({ cursor: "garbage" }))).toBe("BAD_REQUEST");
  });
});
