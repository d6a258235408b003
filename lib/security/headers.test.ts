import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginPost, newNonce, staticSecurityHeaders } from "./headers";

describe("contentSecurityPolicy", () => {
  it("allows only scripts carrying the request's nonce, no framing, forms to us and TrainingPeaks", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, formActionOrigins: ["https://oauth.trainingpeaks.com"] });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://oauth.trainingpeaks.com");
    // Recharts' style attributes need it; a nonce in style-src would make browsers ignore it.
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toMatch(/style-src[^;]*nonce/);
  });

  it("lets images come from the map tile server only when one is configured", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: false, formActionOrigins: [] })).toContain("img-src 'self' data: blob:;");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, formActionOrigins: [], imageOrigins: ["https://tile.example"] })).toContain("img-src 'self' data: blob: https://tile.example;");
  });

  it("lets next dev use eval", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, formActionOrigins: [] })).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is fresh every time and carries 128 bits", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });
});

describe("staticSecurityHeaders", () => {
  it("sends HSTS in production only, the rest always", () => {
    expect(staticSecurityHeaders(true)).toMatchObject({ "Strict-Transport-Security": expect.stringMatching(/^max-age=\d{8}/), "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY" });
    expect(staticSecurityHeaders(false)).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders(false)).toMatchObject({ "Referrer-Policy": "strict-origin-when-cross-origin", "Permissions-Policy": expect.stringContaining("camera=()") });
  });

  it("sends no Cross-Origin-Opener-Policy: it made every entry into the app commit in a fresh renderer (docs/security.md)", () => {
    expect(staticSecurityHeaders(true)).not.toHaveProperty("Cross-Origin-Opener-Policy");
    expect(staticSecurityHeaders(false)).not.toHaveProperty("Cross-Origin-Opener-Policy");
  });
});

describe("isCrossOriginPost", () => {
  it("refuses another site's Origin and the opaque null origin; accepts ours and none", () => {
    expect(isCrossOriginPost("https://evil.example", "autocoach.app")).toBe(true);
    expect(isCrossOriginPost("null", "autocoach.app")).toBe(true);
    expect(isCrossOriginPost("https://autocoach.app", "autocoach.app")).toBe(false);
    expect(isCrossOriginPost("http://localhost:3145", "localhost:3145")).toBe(false);
    expect(isCrossOriginPost("http://localhost:3000", "localhost:3145")).toBe(true);
    expect(isCrossOriginPost(null, "autocoach.app")).toBe(false);
  });
});
