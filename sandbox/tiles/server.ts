import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encodePng } from "./png";

/**
 * A stand-in raster tile server for the route maps (no network here): GET /{z}/{x}/{y}.png answers a 256 px PNG,
 * a pale land colour with a grid line on two edges, so tiles laid side by side show their seams if they are
 * misplaced. Every request is counted (GET /__admin/requests) so tests can tell which tiles the browser asked for.
 */
const TILE = /^\/(\d{1,2})\/(\d+)\/(\d+)\.png$/;

export function tilePng(z: number, x: number, y: number): Buffer {
  const shade = 232 - ((x + y + z) % 2) * 10;
  return encodePng(256, (px, py) => (px === 0 || py === 0 ? [180, 190, 200] : [shade, shade + 6, shade - 8]));
}

export async function startTileSimulator(opts: { port: number; host?: string }): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://tiles").pathname;
    if (req.method === "GET" && path === "/__admin/requests") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ requests }));
      return;
    }
    const m = TILE.exec(path);
    const [z, x, y] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, -1, -1];
    if (req.method !== "GET" || !m || z > 20 || x >= 2 ** z || y >= 2 ** z) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("no such tile");
      return;
    }
    requests.push(path);
    const key = `${(x + y + z) % 2}`;
    const png = cache.get(key) ?? tilePng(z, x, y);
    cache.set(key, png);
    res.writeHead(200, { "Content-Type": "image/png", "Content-Length": png.length, "Cache-Control": "public, max-age=3600" }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
