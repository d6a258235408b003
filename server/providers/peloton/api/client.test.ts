import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { providerError } from "@/lib/errors/app-error";
import { providerFailure } from "@/test/failures";
import { json } from "../__fixtures__/fake-auth0";
import { DEFAULT_RATE_LIMIT_WAIT_SECONDS, getMe, getUser, getUserOverview, withTokenRefresh } from "./client";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../__fixtures__", name), "utf8");
const API = "https://api.onepeloton.com";
const USER = "5f3c1a2b9d8e4f60a1b2c3d4e5f60718";

function recorder(answer: (url: URL) => Response) {
  const seen: Array<{ url: URL; headers: Headers }> = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    seen.push({ url, headers: new Headers(init?.headers) });
    return answer(url);
  };
  return { seen, fetchImpl };
}

describe("member API", () => {
  it("sends Bearer, Peloton-Platform: web and a User-Agent on every call, to the documented paths", async () => {
    const { seen, fetchImpl } = recorder((url) =>
      url.pathname.endsWith("/overview") ? new Response(fixture("overview.json")) : new Response(fixture("me.json")),
    );
    const opts = { accessToken: "at-123", apiBaseUrl: API, fetchImpl };
    expect((await getMe(opts)).username).toBe("SyntheticRider");
    expect((await getUser({ ...opts, userId: USER })).id).toBe(USER);
    expect((await getUserOverview({ ...opts, userId: USER })).streaks?.best_weekly).toBe(11);
    expect(seen.map((s) => `${s.url.pathname}${s.url.search}`)).toEqual(["/api/me", `/api/user/${USER}`, `/api/user/${USER}/overview?version=1`]);
    for (const { headers } of seen) {
      expect(headers.get("authorization")).toBe("Bearer at-123");
      expect(headers.get("peloton-platform")).toBe("web");
      expect(headers.get("accept")).toBe("application/json");
      expect(headers.get("user-agent")).toMatch(/AutoCoach/);
    }
  });

  it("keeps a path prefix of the base URL and escapes the user id", async () => {
    const { seen, fetchImpl } = recorder(() => new Response(fixture("me.json")));
    await getUser({ accessToken: "t", apiBaseUrl: "http://localhost:4010/peloton-api/", fetchImpl, userId: "a/b" });
    expect(seen[0]?.url.toString()).toBe("http://localhost:4010/peloton-api/api/user/a%2Fb");
  });

  it("401 → unauthorized, without retrying", async () => {
    const { seen, fetchImpl } = recorder(() => json(401, { status: 401, error_code: 3020, subcode: null, message: "Not logged in", details: null }));
    expect(await providerFailure(getMe({ accessToken: "expired", apiBaseUrl: API, fetchImpl }))).toMatchObject({ code: "unauthorized", status: 401 });
    expect(seen).toHaveLength(1);
  });

  it("Cloudflare 1015 → rate_limited with Retry-After, or a default wait when absent", async () => {
    const cf = (headers: Record<string, string>) => recorder(() => new Response("error code: 1015", { status: 429, headers: { "content-type": "text/plain", ...headers } }));
    const withHeader = cf({ "retry-after": "120" });
    expect(await providerFailure(getMe({ accessToken: "t", apiBaseUrl: API, fetchImpl: withHeader.fetchImpl }))).toMatchObject({ code: "rate_limited", retryAfterSeconds: 120 });
    expect(withHeader.seen).toHaveLength(1);
    const without = cf({});
    const error = await providerFailure(getMe({ accessToken: "t", apiBaseUrl: API, fetchImpl: without.fetchImpl, retries: 0 }));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: DEFAULT_RATE_LIMIT_WAIT_SECONDS });
  });

  it("a body without an id → bad_response; missing token → unauthorized before any request", async () => {
    const { seen, fetchImpl } = recorder(() => json(200, { username: "x" }));
    expect(await providerFailure(getMe({ accessToken: "t", apiBaseUrl: API, fetchImpl }))).toMatchObject({ code: "bad_response" });
    expect(await providerFailure(getMe({ accessToken: "", apiBaseUrl: API, fetchImpl }))).toMatchObject({ code: "unauthorized" });
    expect(seen).toHaveLength(1);
  });
});

describe("withTokenRefresh", () => {
  it("refreshes once on unauthorized and calls again with the new token", async () => {
    const used: string[] = [];
    let refreshes = 0;
    const result = await withTokenRefresh(
      {
        accessToken: "old",
        refresh: async () => {
          refreshes += 1;
          return "new";
        },
      },
      async (token) => {
        used.push(token);
        if (token === "old") throw providerError("peloton", "unauthorized", "401");
        return "ok";
      },
    );
    expect(result).toBe("ok");
    expect(used).toEqual(["old", "new"]);
    expect(refreshes).toBe(1);
  });

  it("does not refresh twice, nor for other errors", async () => {
    let refreshes = 0;
    const refresh = async () => {
      refreshes += 1;
      return "new";
    };
    const always401 = async () => {
      throw providerError("peloton", "unauthorized", "401");
    };
    expect(await providerFailure(withTokenRefresh({ accessToken: "a", refresh }, always401))).toMatchObject({ code: "unauthorized" });
    const rateLimited = async () => {
      throw providerError("peloton", "rate_limited", "429");
    };
    expect(await providerFailure(withTokenRefresh({ accessToken: "a", refresh }, rateLimited))).toMatchObject({ code: "rate_limited" });
    expect(refreshes).toBe(1);
  });
});
