import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { getTenantOrThrow } from "@/server/tenant";
import { minimalPdf, tempStorage, uploadFixture } from "@/server/uploads/testing";
import { handleLogoRequest, removeTenantLogo, sniffLogo } from "./logo";
import { tenantLogoUrl } from "./settings-values";
import { createSettingsScenario } from "./testing";
import { handleLogoUpload, type TLogoRouteDeps } from "./logo-http";

// The logo as the browser meets it: uploaded by an administrator (multipart, same origin),
// judged by content and size, served at /{tenant}/logo with its type, nosniff and a cache
// that a new version's address bypasses.

const temp = tempStorage();
afterAll(() => temp.cleanup());

const ORIGIN = new URL(env().APP_URL).origin;
let tenant: Awaited<ReturnType<typeof createSettingsScenario>>["tenant"];
let ids: Awaited<ReturnType<typeof createSettingsScenario>>["ids"];

beforeAll(async () => {
  ({ tenant, ids } = await createSettingsScenario());
});

function deps(staffId: string | null): TLogoRouteDeps {
  return {
    resolveTenant: getTenantOrThrow,
    getStaff: async () => (staffId ? (await db()).staffUser.findUniqueOrThrow({ where: { id: staffId }, include: { memberships: true } }) : null),
    storage: temp.storage,
  };
}

function upload(bytes: Uint8Array, staffId: string | null = ids.admin, headers: Record<string, string> = { origin: ORIGIN }) {
  const form = new FormData();
  form.append("file", new Blob([bytes as BlobPart]), "logo.png");
  const request = new Request(`${ORIGIN}/api/${tenant.slug}/backoffice/logo`, { method: "POST", body: form, headers });
  return handleLogoUpload(request, { tenant: tenant.slug }, deps(staffId));
}

const current = async () => (await db()).tenant.findUniqueOrThrow({ where: { id: tenant.id } });
const get = async (query = "") => handleLogoRequest(new Request(`${ORIGIN}/${tenant.slug}/logo${query}`), tenant.slug, temp.storage);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("logo", () => {
  it("recognises PNG, JPEG and WebP by content, and nothing else", () => {
    expect(sniffLogo(uploadFixture("tiny.png"))?.contentType).toBe("image/png");
    expect(sniffLogo(uploadFixture("tiny.jpg"))?.contentType).toBe("image/jpeg");
    expect(sniffLogo(new TextEncoder().encode("RIFF\x10\x00\x00\x00WEBPVP8 "))?.contentType).toBe("image/webp");
    expect(sniffLogo(SVG)).toBeNull();
    expect(sniffLogo(new TextEncoder().encode("GIF89a....."))).toBeNull();
    expect(sniffLogo(minimalPdf())).toBeNull();
  });

  it("stores an administrator's logo and serves it with its type, nosniff and a versioned cache", async () => {
    const png = uploadFixture("tiny.png");
    const res = await upload(png);
    expect(res.status).toBe(201);
    const t = await current();
    expect(t.logoContentType).toBe("image/png");
    expect(t.logoStorageKey).toMatch(new RegExp(`^${t.id}/logo/[0-9a-f-]+\\.png$`));

    const url = tenantLogoUrl(t);
    expect(url).toBe(`/${t.slug}/logo?v=${t.updatedAt.getTime()}`);
    const served = await get(url.slice(url.indexOf("?")));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // An old or missing version is checked again soon.
    expect((await get("?v=1")).headers.get("cache-control")).toBe("public, max-age=300");

    const line = await (await db()).auditEvent.findFirstOrThrow({ where: { tenantId: t.id, action: "tenant.settings" }, orderBy: { createdAt: "desc" } });
    expect(line.details).toEqual({ changed: ["logo"], logo: "set", previous: { logo: null } });

    // A new logo replaces the file; the old one is deleted.
    expect((await upload(uploadFixture("tiny.jpg"))).status).toBe(201);
    const replaced = await current();
    expect(replaced.logoContentType).toBe("image/jpeg");
    expect(await temp.storage.get(t.logoStorageKey!)).toBeNull();

    // Removed: back to the default emblem, the file gone, the route answers 404.
    await removeTenantLogo({ tenantId: t.id, actor: { id: ids.admin, role: "TENANT_ADMIN" }, storage: temp.storage });
    expect(await current()).toMatchObject({ logoStorageKey: null, logoContentType: null });
    expect(await temp.storage.get(replaced.logoStorageKey!)).toBeNull();
    expect((await get()).status).toBe(404);
  });

  it("refuses SVG and other types, and files over 1 MB, with a message naming the rule", async () => {
    const svg = await upload(SVG);
    expect(svg.status).toBe(400);
    expect(await svg.json()).toMatchObject({ messageKey: "tenantSettings.errors.logoType", message: expect.stringContaining("PNG, JPEG, WebP") });
    expect((await upload(minimalPdf())).status).toBe(400);

    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(uploadFixture("tiny.png"));
    const tooBig = await upload(big);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ messageKey: "tenantSettings.errors.logoTooLarge", message: expect.stringContaining("1 MB") });
    // Far too big: refused before the body is read.
    expect((await upload(new Uint8Array(3 * 1024 * 1024))).status).toBe(413);
    expect((await current()).logoStorageKey).toBeNull();
  });

  it("lets only administrators (and super-admins) of the municipality upload, from this site", async () => {
    const png = uploadFixture("tiny.png");
    for (const who of [ids.operator, ids.manager, ids.otherAdmin]) expect((await upload(png, who)).status).toBe(404);
    expect((await upload(png, null)).status).toBe(401);
    expect((await upload(png, ids.admin, { origin: "https://evil.example" })).status).toBe(403);
    expect((await upload(png, ids.admin, {})).status).toBe(403);
    expect((await current()).logoStorageKey).toBeNull();
    expect((await upload(png, ids.superAdmin)).status).toBe(201);
  });
});
