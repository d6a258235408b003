import { describe, expect, it } from "vitest";
import { coveringTiles, fitZoom, mercatorX, mercatorY, tileOf, tileUrl, type WorldFrame } from "./map-tiles";
import { buildRouteTrace } from "./route";

const SOURCE = { urlTemplate: "https://tiles.example/{z}/{x}/{y}.png", attribution: "© Example" };

describe("Web Mercator tiles", () => {
  it("puts known places on the tiles slippy-map servers cut", () => {
    expect(tileOf(51.5074, -0.1278, 10)).toEqual({ x: 511, y: 340 }); // London
    expect(tileOf(52.52, 13.405, 12)).toEqual({ x: 2200, y: 1343 }); // Berlin
    expect(tileOf(-33.8688, 151.2093, 8)).toEqual({ x: 235, y: 153 }); // Sydney
    expect(tileOf(0, 0, 1)).toEqual({ x: 1, y: 1 });
    expect(tileOf(89.9, -180, 3)).toEqual({ x: 0, y: 0 });
    expect(mercatorX(180)).toBe(1);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
  });

  it("fits a zoom: the deepest whose 256 px tiles put the span within the pixels", () => {
    expect(fitZoom(1, 256)).toBe(0);
    expect(fitZoom(1 / 1024, 512)).toBe(11);
    expect(fitZoom(1 / 1024, 511)).toBe(10);
    // a 10 m track never asks for more than the servers' deepest zoom
    expect(fitZoom(1e-9, 600)).toBe(18);
  });

  it("fills template placeholders", () => {
    expect(tileUrl("https://t.example/{z}/{x}/{y}.png?k=1", 12, 2200, 1343)).toBe("https://t.example/12/2200/1343.png?k=1");
  });

  it("covers the route's view box with tiles lined up with the trace", () => {
    // an out-and-back run in Berlin, ~1.5 km east then north
    const latitude = [52.52, 52.52, 52.5235];
    const longitude = [13.405, 13.427, 13.427];
    const trace = buildRouteTrace({ channels: { latitude, longitude } });
    if (!trace) throw new Error("no trace");
    const layer = coveringTiles(trace.frame, SOURCE);
    if (!layer) throw new Error("no tiles");
    expect(layer.zoom).toBe(fitZoom((trace.frame.width - 2 * trace.frame.padding) / trace.frame.scale, 2 * (trace.frame.width - 2 * trace.frame.padding)));
    const start = tileOf(52.52, 13.405, layer.zoom);
    const tile = layer.tiles.find((t) => t.href === `https://tiles.example/${layer.zoom}/${start.x}/${start.y}.png`);
    // the start marker lies inside the tile that holds the start point
    expect(tile).toBeDefined();
    expect(trace.start.x).toBeGreaterThanOrEqual((tile?.x ?? 0) - 0.1);
    expect(trace.start.x).toBeLessThanOrEqual((tile?.x ?? 0) + (tile?.size ?? 0));
    expect(trace.start.y).toBeGreaterThanOrEqual((tile?.y ?? 0) - 0.1);
    expect(trace.start.y).toBeLessThanOrEqual((tile?.y ?? 0) + (tile?.size ?? 0));
    // the tiles cover the whole view box
    expect(Math.min(...layer.tiles.map((t) => t.x))).toBeLessThanOrEqual(0);
    expect(Math.max(...layer.tiles.map((t) => t.x + t.size))).toBeGreaterThanOrEqual(trace.width);
    expect(Math.max(...layer.tiles.map((t) => t.y + t.size))).toBeGreaterThanOrEqual(trace.height);
  });

  it("requests no tile without a tile server", () => {
    const frame: WorldFrame = { left: 0.5, top: 0.3, scale: 1e5, padding: 12, width: 320, height: 200 };
    expect(coveringTiles(frame, null)).toBeNull();
  });

  it("wraps tile numbers across the antimeridian", () => {
    const frame: WorldFrame = { left: 1 - 0.5 / 1024, top: 0.5, scale: 320 * 1024, padding: 0, width: 320, height: 100 };
    const hrefs = coveringTiles(frame, SOURCE, { pixels: 320 })?.tiles.map((t) => t.href) ?? [];
    expect(hrefs.some((h) => h.includes("/10/1023/"))).toBe(true);
    expect(hrefs.some((h) => h.includes("/10/0/"))).toBe(true);
  });
});
