import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders, type TSecurityContext } from "./security-headers";

const ctx = (over: Partial<TSecurityContext> = {}): TSecurityContext => ({
  pathname: "/esempio",
  nonce: "abc123",
  https: false,
  dev: false,
  formActionOrigins: ["http://localhost:3001"],
  ...over,
});

function directive(csp: string, name: string): string | undefined {
  return csp.split("; ").find((d) => d.startsWith(`${name} `) || d === name);
}

describe("contentSecurityPolicy", () => {
  it("allows only this request's nonce'd scripts (no inline, no eval in production)", () => {
    const csp = contentSecurityPolicy(ctx());
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("forbids framing and plugins, and lets sign-in forms reach the identity provider", () => {
    const csp = contentSecurityPolicy(ctx());
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "form-action")).toBe("form-action 'self' http://localhost:3001");
  });

  it("lets the development mail viewer show styled e-mail HTML in a same-origin frame", () => {
    const csp = contentSecurityPolicy(ctx({ pathname: "/dev/mail" }));
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("relaxes styles (never scripts' nonce) only for the development server's overlay", () => {
    const csp = contentSecurityPolicy(ctx({ dev: true }));
    expect(directive(csp, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic' 'unsafe-eval'");
    expect(directive(contentSecurityPolicy(ctx()), "style-src")).toBe("style-src 'self' 'nonce-abc123'");
  });

  it("keeps API responses unframeable without a page policy", () => {
    expect(contentSecurityPolicy(ctx({ pathname: "/api/trpc/me.get" }))).toBe("frame-ancestors 'none'");
  });

  it("leaves the policy of a served attachment to its route, which knows the file's kind", () => {
    expect(securityHeaders(ctx({ pathname: "/api/esempio/attachments/abc" }))["Content-Security-Policy"]).toBeUndefined();
    expect(securityHeaders(ctx({ pathname: "/api/esempio/applications/abc/attachments" }))["Content-Security-Policy"]).toBe("frame-ancestors 'none'");
  });
});

describe("securityHeaders", () => {
  it("sends HSTS and upgrades requests only over HTTPS", () => {
    expect(securityHeaders(ctx())["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders(ctx({ https: true }));
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("always sets nosniff and the referrer policy", () => {
    const h = securityHeaders(ctx({ pathname: "/api/inngest" }));
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("never sends the address of a page holding a secret token to another site", () => {
    for (const pathname of ["/esempio/domande/segui/abc", "/esempio/domande/segui/abc/ricevuta", "/esempio/accesso-email/abc"]) {
      expect(securityHeaders(ctx({ pathname }))["Referrer-Policy"], pathname).toBe("same-origin");
    }
    for (const pathname of ["/esempio/accesso-email", "/esempio/domande/123", "/esempio/servizi/segui"]) {
      expect(securityHeaders(ctx({ pathname }))["Referrer-Policy"], pathname).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("createNonce", () => {
  it("is fresh every time", () => {
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
