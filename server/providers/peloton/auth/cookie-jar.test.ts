import { describe, expect, it } from "vitest";
import { CookieJar, defaultCookiePath, isSecureContextUrl, pathMatches } from "./cookie-jar";

const AUTH = "https://auth.onepeloton.com";

describe("CookieJar", () => {
  it("sends the _csrf cookie only to /usernamepassword/login", () => {
    const jar = new CookieJar();
    jar.setCookie("_csrf=tok; Path=/usernamepassword/login; HttpOnly; Secure; SameSite=None", `${AUTH}/login?state=x`);
    jar.setCookie("did=d1; Path=/; Secure", `${AUTH}/authorize`);
    expect(jar.cookieHeader(`${AUTH}/usernamepassword/login`)).toBe("_csrf=tok; did=d1");
    expect(jar.cookieHeader(`${AUTH}/usernamepassword/login/sub`)).toBe("_csrf=tok; did=d1");
    expect(jar.cookieHeader(`${AUTH}/login/callback`)).toBe("did=d1");
    expect(jar.cookieHeader(`${AUTH}/usernamepassword/loginx`)).toBe("did=d1");
    expect(jar.get("_csrf", `${AUTH}/login`)).toBeUndefined();
    expect(jar.get("_csrf", `${AUTH}/usernamepassword/login`)).toBe("tok");
  });

  it("uses the default path when Path is missing or relative", () => {
    const jar = new CookieJar();
    jar.setCookie("a=1", `${AUTH}/sso/login_site?x=1`);
    jar.setCookie("b=2; Path=relative", `${AUTH}/authorize/resume`);
    expect(jar.cookieHeader(`${AUTH}/sso/other`)).toBe("a=1");
    expect(jar.cookieHeader(`${AUTH}/authorize`)).toBe("b=2");
    expect(jar.cookieHeader(`${AUTH}/`)).toBeUndefined();
    expect(defaultCookiePath("/login")).toBe("/");
    expect(defaultCookiePath("/a/b/c")).toBe("/a/b");
    expect(pathMatches("/", "/")).toBe(true);
  });

  it("carries cookies from one hop to the next, across sibling hosts for Domain cookies only", () => {
    const jar = new CookieJar();
    jar.setCookie("auth0=s1; Path=/; Secure", `${AUTH}/login/callback`);
    jar.setCookie("peloton_visited_sites=m; Domain=.onepeloton.com; Path=/; Secure", "https://auth-orca.onepeloton.com/sso/login_site");
    expect(jar.cookieHeader(`${AUTH}/authorize/resume`)).toBe("auth0=s1; peloton_visited_sites=m");
    expect(jar.cookieHeader("https://auth-orca.onepeloton.com/sso/login_domain")).toBe("peloton_visited_sites=m");
    expect(jar.cookieHeader("https://onepeloton.com/")).toBe("peloton_visited_sites=m");
    expect(jar.cookieHeader("https://evil-onepeloton.com/")).toBeUndefined();
  });

  it("rejects cookies for another site or a bare suffix", () => {
    const jar = new CookieJar();
    expect(jar.setCookie("x=1; Domain=example.com", `${AUTH}/`)).toBe(false);
    expect(jar.setCookie("y=1; Domain=com", `${AUTH}/`)).toBe(false);
    expect(jar.setCookie("z=1; Domain=auth.onepeloton.com", "https://auth-orca.onepeloton.com/")).toBe(false);
    expect(jar.setCookie("novalue", `${AUTH}/`)).toBe(false);
    expect(jar.all()).toEqual([]);
  });

  it("expires cookies by Max-Age and Expires, Max-Age winning", () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const jar = new CookieJar({ now: () => now });
    jar.setCookie("short=1; Max-Age=60; Path=/", `${AUTH}/`);
    jar.setCookie("dated=1; Expires=Thu, 01 Jan 2026 00:02:00 GMT; Path=/", `${AUTH}/`);
    jar.setCookie("both=1; Expires=Thu, 01 Jan 2026 00:00:01 GMT; Max-Age=600; Path=/", `${AUTH}/`);
    jar.setCookie("past=1; Expires=Wed, 31 Dec 2025 00:00:00 GMT; Path=/", `${AUTH}/`);
    expect(jar.cookieHeader(`${AUTH}/`)).toBe("short=1; dated=1; both=1");
    now += 61_000;
    expect(jar.cookieHeader(`${AUTH}/`)).toBe("dated=1; both=1");
    now += 60_000;
    expect(jar.cookieHeader(`${AUTH}/`)).toBe("both=1");
  });

  it("overwrites by name+domain+path, keeps the original order, and deletes with Max-Age=0", () => {
    const jar = new CookieJar();
    jar.setCookie("auth0=old; Path=/", `${AUTH}/authorize`);
    jar.setCookie("did=d; Path=/", `${AUTH}/authorize`);
    jar.setCookie("auth0=new; Path=/", `${AUTH}/login/callback`);
    expect(jar.cookieHeader(`${AUTH}/`)).toBe("auth0=new; did=d");
    jar.setCookie("auth0=gone; Path=/other", `${AUTH}/`);
    expect(jar.cookieHeader(`${AUTH}/other`)).toBe("auth0=gone; auth0=new; did=d");
    jar.setCookie("did=; Max-Age=0; Path=/", `${AUTH}/`);
    expect(jar.cookieHeader(`${AUTH}/`)).toBe("auth0=new");
  });

  it("treats localhost and loopback as secure contexts, like browsers", () => {
    const jar = new CookieJar();
    expect(jar.setCookie("_csrf=t; Path=/usernamepassword/login; Secure; SameSite=None", "http://localhost:4010/login")).toBe(true);
    expect(jar.get("_csrf", "http://localhost:4010/usernamepassword/login")).toBe("t");
    expect(jar.setCookie("s=1; Secure; Path=/", "http://127.0.0.1:4010/")).toBe(true);
    expect(jar.cookieHeader("http://127.0.0.1:4010/x")).toBe("s=1");
    expect(jar.setCookie("s=1; Secure; Path=/", "http://example.com/")).toBe(false);
    expect(isSecureContextUrl(new URL("http://app.localhost/"))).toBe(true);
    expect(isSecureContextUrl(new URL("http://[::1]:3000/"))).toBe(true);
    expect(isSecureContextUrl(new URL("http://10.0.0.1/"))).toBe(false);
  });

  it("does not send Secure cookies over plain http to a remote host", () => {
    const jar = new CookieJar();
    jar.setCookie("s=1; Secure; Path=/", "https://example.com/");
    jar.setCookie("p=1; Path=/", "https://example.com/");
    expect(jar.cookieHeader("http://example.com/")).toBe("p=1");
    expect(jar.cookieHeader("https://example.com/")).toBe("s=1; p=1");
  });

  it("keeps host-only cookies on their host", () => {
    const jar = new CookieJar();
    jar.setCookie("h=1; Path=/", `${AUTH}/`);
    expect(jar.cookieHeader("https://auth-orca.onepeloton.com/")).toBeUndefined();
    expect(jar.cookieHeader("https://AUTH.onepeloton.com/")).toBe("h=1");
  });

  it("reads every Set-Cookie header of a response", () => {
    const jar = new CookieJar();
    const headers = new Headers();
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    jar.storeFrom(new Response(null, { status: 302, headers }), `${AUTH}/authorize`);
    expect(jar.cookieHeader(`${AUTH}/`)).toBe("a=1; b=2");
  });
});
