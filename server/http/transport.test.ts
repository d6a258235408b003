import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/lib/errors/app-error";
import { isDeadlineExceeded } from "./deadline";
import { requestJson } from "./request";
import { SendFailure, send } from "./transport";

/** The light transport and requestJson over it, against a real local server. */
let server: http.Server;
let base = "";
const seen: { path: string; headers: http.IncomingHttpHeaders; body: string; socket: number }[] = [];
const sockets = new WeakMap<object, number>();
let nextSocket = 0;
let flaky = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, nextSocket++);
      const path = req.url ?? "/";
      seen.push({ path, headers: req.headers, body, socket: sockets.get(req.socket) ?? -1 });
      if (path === "/json") return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, n: [1, null, 3] }));
      if (path === "/bom") return void res.writeHead(200).end("\ufeff{\"a\":1}");
      if (path === "/gzip") return void res.writeHead(200, { "content-encoding": "gzip" }).end(zlib.gzipSync(JSON.stringify({ zipped: "yes" })));
      if (path === "/redirect") return void res.writeHead(302, { location: "/json" }).end();
      if (path === "/not-json") return void res.writeHead(200).end("<html>");
      if (path === "/slow-body") {
        res.writeHead(200, { "content-length": "100" });
        res.write("{\"partial\":");
        return;
      }
      if (path === "/hang") return;
      if (path === "/flaky") {
        flaky += 1;
        if (flaky === 1) return void res.writeHead(503, { "retry-after": "0" }).end("busy");
        return void res.writeHead(200).end("{\"after\":\"retry\"}");
      }
      if (path === "/reset") return void req.socket.destroy();
      if (path === "/echo") return void res.writeHead(200).end(JSON.stringify({ method: req.method, body }));
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const anything = z.unknown();

describe("light HTTP transport", () => {
  it("reads JSON over one kept-alive connection, with fetch's Accept-Encoding", async () => {
    seen.length = 0;
    for (let i = 0; i < 3; i++) expect(await requestJson(`${base}/json`, { provider: "peloton", headers: { Accept: "application/json" } }, anything)).toEqual({ ok: true, n: [1, null, 3] });
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1);
    expect(seen[0]?.headers["accept-encoding"]).toBe("gzip, deflate");
    expect(seen[0]?.headers.accept).toBe("application/json");
  });

  it("decodes gzip and skips a byte-order mark", async () => {
    expect(await requestJson(`${base}/gzip`, { provider: "peloton" }, anything)).toEqual({ zipped: "yes" });
    expect(await requestJson(`${base}/bom`, { provider: "peloton" }, anything)).toEqual({ a: 1 });
  });

  it("does not follow redirects (a 3xx is refused like fetch with redirect: manual)", async () => {
    const error = await requestJson(`${base}/redirect`, { provider: "peloton" }, anything).catch((e: unknown) => e);
    expect(isAppError(error, "peloton.invalid_request")).toBe(true);
  });

  it("a body that is not JSON is a bad response", async () => {
    const error = await requestJson(`${base}/not-json`, { provider: "peloton" }, anything).catch((e: unknown) => e);
    expect(isAppError(error, "peloton.bad_response")).toBe(true);
  });

  it("retries a 503 and honours Retry-After", async () => {
    flaky = 0;
    expect(await requestJson(`${base}/flaky`, { provider: "peloton", retries: 1, sleep: async () => undefined }, anything)).toEqual({ after: "retry" });
    expect(flaky).toBe(2);
  });

  it("a reset connection is retried, then unavailable", async () => {
    seen.length = 0;
    const error = await requestJson(`${base}/reset`, { provider: "peloton", retries: 1, sleep: async () => undefined }, anything).catch((e: unknown) => e);
    expect(isAppError(error, "peloton.unavailable")).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it("the timeout covers the body; cut by the deadline it is deadline.exceeded", async () => {
    const slowBody = await requestJson(`${base}/slow-body`, { provider: "peloton", timeoutMs: 100 }, anything).catch((e: unknown) => e);
    expect(isAppError(slowBody, "peloton.bad_response")).toBe(true);
    const started = Date.now();
    const hung = await requestJson(`${base}/hang`, { provider: "peloton", retries: 0, deadline: Date.now() + 150 }, anything).catch((e: unknown) => e);
    expect(isDeadlineExceeded(hung)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("an aborted signal ends the request with the signal's reason", async () => {
    const controller = new AbortController();
    const pending = send(`${base}/hang`, { method: "GET", timeoutMs: 5_000, signal: controller.signal }).catch((e: unknown) => e);
    controller.abort(new Error("stop"));
    const failure = await pending;
    expect(failure).toBeInstanceOf(SendFailure);
    expect((failure as SendFailure).timedOut).toBe(false);
    expect(String((failure as SendFailure).cause)).toMatch(/stop/);
  });

  it("sends a POST body, a form body form-encoded", async () => {
    seen.length = 0;
    expect(await requestJson(`${base}/echo`, { provider: "peloton", method: "POST", body: "[1]" }, anything)).toEqual({ method: "POST", body: "[1]" });
    await requestJson(`${base}/echo`, { provider: "peloton", method: "POST", body: new URLSearchParams({ a: "b c" }) }, anything);
    expect(seen[1]?.body).toBe("a=b+c");
    expect(seen[1]?.headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
  });
});
