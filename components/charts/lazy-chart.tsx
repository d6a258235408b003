"use client";

import type { ComponentType } from "react";
import { useNearViewport } from "@/hooks/use-near-viewport";

// Not a pulsing skeleton: nothing is loading until the reader scrolls near, and an endless animation below the fold
// keeps a phone painting for nothing.
const placeholder = <div aria-hidden className="h-full min-h-24 rounded-md bg-surface-2" />;

/**
 * A chart (Recharts, loaded with `next/dynamic` and `ssr: false` by the caller) that mounts only when its box nears
 * the viewport: a chart below the fold costs a phone nothing while the page loads, and Recharts' render (hundreds of
 * milliseconds on a slow phone) happens as the reader scrolls towards it. The box keeps its size meanwhile.
 */
export function nearViewportChart<P extends object>(Chart: ComponentType<P>): ComponentType<P> {
  function NearViewportChart(props: P) {
    const [ref, near] = useNearViewport<HTMLDivElement>();
    return (
      <div ref={ref} className="h-full min-h-24">
        {near ? <Chart {...props} /> : placeholder}
      </div>
    );
  }
  NearViewportChart.displayName = `NearViewport(${Chart.displayName ?? Chart.name ?? "Chart"})`;
  return NearViewportChart;
}
