import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTileSimulator } from "./server";

let sim: Awaited<ReturnType<typeof startTileSimulator>>;
beforeAll(async () => {
  sim = await startTileSimulator({ port: 0 });
});
afterAll(() => sim.close());

describe("tile simulator", () => {
  it("answers a 256 px PNG for a tile and counts the request", async () => {
    const res = await fetch(`${sim.url}/12/2200/1343.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(256);
    expect(png.readUInt32BE(20)).toBe(256);
    // IDAT holds 256 rows of a filter byte and 256 RGB pixels
    const idatLength = png.readUInt32BE(33);
    expect(png.toString("ascii", 37, 41)).toBe("IDAT");
    expect(inflateSync(png.subarray(41, 41 + idatLength))).toHaveLength(256 * (1 + 256 * 3));
    const counted = (await (await fetch(`${sim.url}/__admin/requests`)).json()) as { requests: string[] };
    expect(counted.requests).toContain("/12/2200/1343.png");
  });

  it("has no tile outside the zoom's grid", async () => {
    expect((await fetch(`${sim.url}/2/4/0.png`)).status).toBe(404);
    expect((await fetch(`${sim.url}/tiles.png`)).status).toBe(404);
  });
});
