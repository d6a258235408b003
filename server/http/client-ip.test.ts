import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env-schema";
import { clientIpFrom } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIpFrom", () => {
  it("trusts no header unless one is configured: a spoofed X-Forwarded-For is ignored", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }), null)).toBeNull();
  });

  it("of X-Forwarded-For takes the address our proxy appended, not the client's own entries", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), "x-forwarded-for")).toBe("203.0.113.9");
    expect(clientIpFrom(h({ "x-forwarded-for": "1.1.1.1,2.2.2.2, 203.0.113.9" }), "x-forwarded-for")).toBe("203.0.113.9");
  });

  it("reads only the configured header", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6", "cf-connecting-ip": "203.0.113.5" }), "cf-connecting-ip")).toBe("203.0.113.5");
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6" }), "x-real-ip")).toBeNull();
  });
});

describe("TRUSTED_PROXY_HEADER", () => {
  it("defaults to none, to x-forwarded-for on Vercel, and refuses a value that is not a header name", () => {
    expect(parseEnv({}).trustedProxyHeader).toBeNull();
    expect(parseEnv({ VERCEL: "1", AUTOCOACH_DEMO: "true" }).trustedProxyHeader).toBe("x-forwarded-for");
    expect(parseEnv({ TRUSTED_PROXY_HEADER: "X-Real-IP" }).trustedProxyHeader).toBe("x-real-ip");
    expect(() => parseEnv({ TRUSTED_PROXY_HEADER: "x-real-ip, x-forwarded-for" })).toThrow(/TRUSTED_PROXY_HEADER must be one header name/);
  });
});
