import { describe, expect, it } from "vitest";
import { buildSeries } from "./series";
import { performanceGraphSchema } from "../api/workout-schemas";

const graph = (json: Record<string, unknown>) => performanceGraphSchema.parse(json);

describe("buildSeries", () => {
  it("infers every_n from the offsets, ignoring the short last step ([1, 11, …, 1791, 1800])", () => {
    const offsets = [...Array.from({ length: 180 }, (_, i) => 1 + i * 10), 1800];
    const series = buildSeries(graph({ seconds_since_pedaling_start: offsets, metrics: [{ slug: "output", values: offsets.map(() => 150) }] }));
    expect(series).toMatchObject({ intervalSeconds: 10, firstOffset: 1, length: 181 });
  });

  it("keeps a channel's display unit and takes a top-level metric over an alternative of the same slug", () => {
    const series = buildSeries(
      graph({
        seconds_since_pedaling_start: [1, 2],
        metrics: [
          { slug: "pace", display_unit: "min/km", values: [6.1, 6.0], alternatives: [{ slug: "speed", display_unit: "kph", values: [9.8, 10] }] },
          { slug: "speed", display_unit: "kph", values: [9.9, 10.1] },
        ],
      }),
    );
    expect(series?.channels).toEqual({ pace: [6.1, 6.0], speed: [9.9, 10.1] });
    expect(series?.units).toEqual({ pace: "min/km", speed: "kph" });
  });

  it("keeps an all-null channel (a strap that never connected) instead of dropping it", () => {
    const series = buildSeries(graph({ seconds_since_pedaling_start: [1, 2, 3], metrics: [{ slug: "heart_rate", display_unit: "bpm", values: [null, null, null] }] }));
    expect(series?.channels.heart_rate).toEqual([null, null, null]);
  });

  it("maps GPS fixes to the samples: latest fix at or before each offset, null before the first", () => {
    const series = buildSeries(
      graph({
        seconds_since_pedaling_start: [1, 6, 11, 16],
        metrics: [{ slug: "pace", values: [20, 20, 20, 20] }],
        location_data: [
          { is_gap: false, coordinates: [{ seconds_offset_from_start: 3, distance: 0.003, distance_display_unit: "km" }, { seconds_offset_from_start: 9, distance: 0.01 }] },
          { is_gap: true, coordinates: [{ seconds_offset_from_start: 12, distance: 0.01 }] },
        ],
      }),
    );
    expect(series?.channels.distance).toEqual([null, 0.003, 0.01, 0.01]);
    expect(series?.units.distance).toBe("km");
  });

  it("is null without samples or without any known channel", () => {
    expect(buildSeries(null)).toBeNull();
    expect(buildSeries(graph({ seconds_since_pedaling_start: [], metrics: [] }))).toBeNull();
    expect(buildSeries(graph({ seconds_since_pedaling_start: [1, 2, 3], metrics: [] }))).toBeNull();
    expect(buildSeries(graph({ seconds_since_pedaling_start: [1, 2], metrics: [{ slug: "form_score", values: [1, 2] }] }))).toBeNull();
  });

  it("falls back to the values' length when Peloton sends no offsets", () => {
    const series = buildSeries(graph({ metrics: [{ slug: "output", values: [100, 110, 120] }] }));
    expect(series).toMatchObject({ intervalSeconds: 1, firstOffset: 1, length: 3, channels: { output: [100, 110, 120] } });
  });
});
