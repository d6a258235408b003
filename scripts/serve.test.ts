import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressStatic } from "./lib/precompress";
import { acceptsBrotli, configuredHeaders, precompressedIndex, servePrecompressed } from "./serve.mjs";

const SCRIPT = `(globalThis.TURBOPACK||[]).push(["react-dom",${JSON.stringify("function render(){}".repeat(400))}]);`;
const STYLES = `.card{border-radius:.75rem}${".x{color:red}".repeat(200)}`;

/** A build folder with two big text files, a small one, a font and the config's header rule. */
function fakeBuild() {
  const dist = mkdtempSync(path.join(tmpdir(), "serve-"));
  mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
  mkdirSync(path.join(dist, "static/media"), { recursive: true });
  writeFileSync(path.join(dist, "static/chunks/boot.js"), SCRIPT);
  writeFileSync(path.join(dist, "static/chunks/app.css"), STYLES);
  writeFileSync(path.join(dist, "static/chunks/tiny.js"), "1");
  writeFileSync(path.join(dist, "static/media/font.woff2"), Buffer.alloc(4096, 7));
  writeFileSync(path.join(dist, "routes-manifest.json"), JSON.stringify({ headers: [{ source: "/:path*", regex: "^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }] }));
  writeFileSync(path.join(dist, "BUILD_ID"), "secret-ish");
  return dist;
}

describe("precompressed build files", () => {
  let dist: string;
  let server: Server;
  let base: { host: string; port: number };
  beforeAll(async () => {
    dist = fakeBuild();
    precompressStatic(dist);
    const build = { index: precompressedIndex(dist), headersFor: configuredHeaders(dist) };
    server = createServer((req, res) => {
      if (servePrecompressed(req, res, build)) return;
      res.setHeader("X-Handled-By", "next");
      res.end("from next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = { host: "127.0.0.1", port: (server.address() as AddressInfo).port };
  });
  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (pathname: string, acceptEncoding?: string, method = "GET") =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request({ ...base, path: pathname, method, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });

  it("writes a brotli copy of each script and stylesheet of 1 KB or more, and nothing for fonts or tiny files", () => {
    const br = (name: string) => path.join(dist, "static", name + ".br");
    expect(brotliDecompressSync(readFileSync(br("chunks/boot.js"))).toString()).toBe(SCRIPT);
    expect(brotliDecompressSync(readFileSync(br("chunks/app.css"))).toString()).toBe(STYLES);
    expect(readFileSync(br("chunks/boot.js")).length).toBeLessThan(SCRIPT.length / 10);
    expect([...precompressedIndex(dist).keys()].sort()).toEqual(["/_next/static/chunks/app.css", "/_next/static/chunks/boot.js"]);
  });

  it("sends a browser that accepts brotli the precompressed file, with its type, a year of caching and the configured headers", async () => {
    const res = await get("/_next/static/chunks/boot.js?dpl=1", "gzip, deflate, br, zstd");
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ "content-encoding": "br", "content-type": "application/javascript; charset=utf-8", vary: "Accept-Encoding", "cache-control": "public, max-age=31536000, immutable", "x-content-type-options": "nosniff" });
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    const css = await get("/_next/static/chunks/app.css", "br");
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    const head = await get("/_next/static/chunks/boot.js", "br", "HEAD");
    expect(head.headers["content-length"]).toBe(String(readFileSync(path.join(dist, "static/chunks/boot.js.br")).length));
    expect(head.body.length).toBe(0);
  });

  it("leaves to Next every browser without brotli, every other method and every path it didn't index", async () => {
    for (const [pathname, encoding, method] of [
      ["/_next/static/chunks/boot.js", "gzip, deflate", "GET"],
      ["/_next/static/chunks/boot.js", undefined, "GET"],
      ["/_next/static/chunks/boot.js", "br;q=0, gzip", "GET"],
      ["/_next/static/chunks/boot.js", "br", "POST"],
      ["/_next/static/chunks/tiny.js", "br", "GET"],
      ["/_next/static/media/font.woff2", "br", "GET"],
      ["/_next/static/chunks/../../BUILD_ID", "br", "GET"],
      ["/_next/static/chunks/boot.js.br", "br", "GET"],
      ["/dashboard", "br", "GET"],
    ] as const) {
      const res = await get(pathname, encoding, method);
      expect({ pathname, encoding, method, by: res.headers["x-handled-by"], body: res.body.toString() }).toEqual({ pathname, encoding, method, by: "next", body: "from next" });
    }
  });

  it("reads brotli from Accept-Encoding as RFC 9110 does: the token, any case, unless its q-value is 0", () => {
    expect(acceptsBrotli("gzip, deflate, br")).toBe(true);
    expect(acceptsBrotli("BR;q=0.5")).toBe(true);
    expect(acceptsBrotli(["gzip", "br"])).toBe(true);
    expect(acceptsBrotli("br;q=0")).toBe(false);
    expect(acceptsBrotli("br;q=0.0, gzip")).toBe(false);
    expect(acceptsBrotli("brotli, gzip")).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});
