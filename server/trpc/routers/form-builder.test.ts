import { describe, expect, it } from "vitest";
import { createTestService, TEST_FORM_SCHEMA } from "@/server/applications/testing";
import { db } from "@/server/db/client";
import { createStaff, createTenant } from "@/server/test/factories";
import { staffCaller, trpcCode, type TTestCaller } from "@/server/test/trpc";

// The form builder through tRPC: the municipality's administrators (and the platform's
// super-admin) only. Service managers, even of this very service, operators and another
// municipality's administrators get NOT_FOUND on every procedure.

const FORM = { ...TEST_FORM_SCHEMA, pages: [{ ...TEST_FORM_SCHEMA.pages[0], title: "Chi fa domanda" }] };

describe("formBuilder router", () => {
  it("lets administrators build and publish, and nobody else", async () => {
    const tenant = await createTenant();
    const service = await createTestService({ tenantId: tenant.id });
    const admin = (await createStaff({ tenantId: tenant.id, role: "TENANT_ADMIN" })).user;
    const manager = (await createStaff({ tenantId: tenant.id, role: "SERVICE_MANAGER" })).user;
    await (await db()).serviceOperator.create({ data: { tenantId: tenant.id, serviceId: service.id, staffUserId: manager.id } });
    const operator = (await createStaff({ tenantId: tenant.id, role: "OPERATOR" })).user;
    const stranger = (await createStaff({ tenantId: (await createTenant()).id, role: "TENANT_ADMIN" })).user;
    const superAdmin = (await createStaff({ isSuperAdmin: true })).user;
    const target = { tenantSlug: tenant.slug, serviceId: service.id };

    const calls = (c: TTestCaller) => [
      c.formBuilder.get(target),
      c.formBuilder.saveDraft({ ...target, schema: FORM, expectedUpdatedAt: null }),
      c.formBuilder.publish({ ...target, schema: FORM, expectedUpdatedAt: null }),
      c.formBuilder.discardDraft({ ...target, expectedUpdatedAt: new Date() }),
      c.formBuilder.import({ ...target, json: JSON.stringify(FORM), expectedUpdatedAt: null }),
    ];
    for (const id of [manager.id, operator.id, stranger.id]) {
      const c = await staffCaller(id, tenant.slug);
      for (const call of calls(c)) expect(await trpcCode(call)).toBe("NOT_FOUND");
    }
    expect(await (await db()).formVersion.count({ where: { serviceId: service.id } })).toBe(1);

    const asAdmin = await staffCaller(admin.id, tenant.slug);
    expect((await asAdmin.formBuilder.get(target)).current?.version).toBe(1);
    const saved = await asAdmin.formBuilder.saveDraft({ ...target, schema: FORM, expectedUpdatedAt: null });
    if (!saved.ok) throw new Error("saved expected");
    const imported = await asAdmin.formBuilder.import({ ...target, json: JSON.stringify(TEST_FORM_SCHEMA), expectedUpdatedAt: saved.updatedAt });
    if (!imported.ok) throw new Error("imported expected");
    await asAdmin.formBuilder.discardDraft({ ...target, expectedUpdatedAt: imported.updatedAt });
    expect(await asAdmin.formBuilder.publish({ ...target, schema: FORM, expectedUpdatedAt: null })).toMatchObject({ status: "published", version: 2 });

    const asSuper = await staffCaller(superAdmin.id, tenant.slug);
    expect((await asSuper.formBuilder.get(target)).versions.map((v) => v.version)).toEqual([2, 1]);
    // An administrator asking about another municipality's service through their own.
    const otherService = await createTestService({ tenantId: (await createTenant()).id });
    expect(await trpcCode(asAdmin.formBuilder.get({ tenantSlug: tenant.slug, serviceId: otherService.id }))).toBe("NOT_FOUND");
  });
});
