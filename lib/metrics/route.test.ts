import { describe, expect, it } from "vitest";
import { buildRouteTrace } from "./route";

/** A loop around a point near Boulder: `n` fixes on a circle of `radiusM` metres. */
function loop(n: number, radiusM: number) {
  const lat0 = 40.015;
  const lon0 = -105.27;
  const latitude: (number | null)[] = [];
  const longitude: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    latitude.push(lat0 + (radiusM * Math.sin(a)) / 111_195);
    longitude.push(lon0 + (radiusM * Math.cos(a)) / (111_195 * Math.cos((lat0 * Math.PI) / 180)));
  }
  return { latitude, longitude };
}

describe("buildRouteTrace", () => {
  it("keeps the route's shape: a circle on the ground is a circle on screen", () => {
    const trace = buildRouteTrace({ channels: loop(360, 1000) }, { size: 200, padding: 10 });
    expect(trace).not.toBeNull();
    expect(trace?.spanMeters.eastWest).toBeGreaterThan(1990);
    expect(trace?.spanMeters.eastWest).toBeLessThan(2010);
    expect(trace?.spanMeters.northSouth).toBeGreaterThan(1990);
    expect(Math.abs((trace?.width ?? 0) - (trace?.height ?? 0))).toBeLessThanOrEqual(1);
    // starts east of centre, half way down (north up)
    expect(trace?.start).toEqual({ x: 190, y: 100 });
    expect(trace?.path.startsWith("M190 100L")).toBe(true);
  });

  it("puts north at the top and keeps a long east-west route wide", () => {
    const latitude = [40, 40, 40.001];
    const longitude = [-105, -104.98, -104.98];
    const trace = buildRouteTrace({ channels: { latitude, longitude } }, { size: 100, padding: 0 });
    expect(trace?.width).toBe(100);
    expect(trace?.height).toBeLessThan(10);
    expect(trace?.finish.y).toBeLessThan(trace?.start.y ?? 0);
  });

  it("breaks the line at a gap in the fixes and skips 0,0 and out-of-range points", () => {
    const { latitude, longitude } = loop(40, 500);
    for (let i = 10; i < 20; i++) latitude[i] = null;
    latitude[25] = 0;
    longitude[25] = 0;
    latitude[30] = 123;
    const trace = buildRouteTrace({ channels: { latitude, longitude } });
    expect(trace?.path.match(/M/g)).toHaveLength(2);
    expect(trace?.points).toBe(28);
  });

  it("thins long tracks and always ends at the finish", () => {
    const trace = buildRouteTrace({ channels: loop(10_000, 3000) }, { maxPoints: 500 });
    expect(trace?.points).toBeLessThanOrEqual(501);
    expect(trace?.path.endsWith(`L${trace.finish.x} ${trace.finish.y}`)).toBe(true);
  });

  it("is null without a track, with one fix, or when the fixes don't move", () => {
    expect(buildRouteTrace(null)).toBeNull();
    expect(buildRouteTrace({ channels: { output: [1, 2] } })).toBeNull();
    expect(buildRouteTrace({ channels: { latitude: [40], longitude: [-105] } })).toBeNull();
    expect(buildRouteTrace({ channels: { latitude: [40, 40, 40], longitude: [-105, -105, -105] } })).toBeNull();
  });
});

describe("buildRouteTrace with sparse fixes", () => {
  it("draws one line when the GPS fixes every few seconds, however thinned", () => {
    const { latitude, longitude } = loop(3000, 800);
    for (let i = 0; i < latitude.length; i++) if (i % 3) latitude[i] = null;
    expect(buildRouteTrace({ channels: { latitude, longitude } }, { maxPoints: 100 })?.path.match(/M/g)).toHaveLength(1);
  });
});
