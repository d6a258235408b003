import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { buildRouteTrace } from "@/lib/metrics/route";
import { RouteTraceChart } from "./route-trace";

// ~1.5 km east, then ~390 m north, in Berlin
const trace = buildRouteTrace({ channels: { latitude: [52.52, 52.52, 52.5235], longitude: [13.405, 13.427, 13.427] } });
if (!trace) throw new Error("no trace");

describe("the route (server render)", () => {
  it("is a plain trace with no image requested when no tile server is configured", () => {
    const html = renderToStaticMarkup(<RouteTraceChart trace={trace} units="metric" tiles={null} />);
    expect(html).not.toContain("<image");
    expect(html).not.toContain("Map:");
    expect(html).toContain('aria-label="Route map: 1.5 km east to west, 389 m north to south"');
  });

  it("lays the configured server's tiles under the trace and credits it", () => {
    const html = renderToStaticMarkup(<RouteTraceChart trace={trace} units="imperial" tiles={{ urlTemplate: "https://tile.example/{z}/{x}/{y}.png", attribution: "© Example contributors" }} />);
    const images = html.match(/<image [^>]*href="https:\/\/tile\.example\/\d+\/\d+\/\d+\.png"/g) ?? [];
    expect(images.length).toBeGreaterThanOrEqual(2);
    // the tiles come first, so the line and the markers are drawn over them
    expect(html.indexOf("<image")).toBeLessThan(html.indexOf('data-testid="route-line"'));
    expect(html).toContain("Map: © Example contributors");
    expect(html).toContain("0.9 mi east to west");
  });
});
