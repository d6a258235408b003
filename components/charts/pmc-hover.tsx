"use client";

import { useState } from "react";
import { formatDay, type PmcRow } from "@/lib/metrics/analytics-chart";
import { rowAt } from "@/lib/metrics/pmc-geometry";

export interface PmcSeries {
  key: "ctl" | "atl" | "tsb" | "load";
  name: string;
  color: string;
}

/**
 * The interactive layer over the server-drawn PMC (components/charts/pmc-chart.tsx): a pointer (mouse, pen or finger)
 * over the plot, or the arrow keys once it has focus, pick a day; a cursor line and a card show that day's figures.
 */
export function PmcHover({ rows, series, label }: { rows: PmcRow[]; series: PmcSeries[]; label: string }) {
  const [index, setIndex] = useState<number | null>(null);
  const n = rows.length;
  const pick = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width > 0) setIndex(rowAt((event.clientX - box.left) / box.width, n));
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -7, PageDown: 7 };
    if (event.key === "Escape") return setIndex(null);
    if (event.key === "Home") return setIndex(0);
    if (event.key === "End") return setIndex(n - 1);
    const move = moves[event.key];
    if (move === undefined || !n) return;
    event.preventDefault();
    setIndex((i) => Math.min(n - 1, Math.max(0, (i ?? n - 1) + move)));
  };
  const row = index === null ? null : rows[index];
  const x = index === null || n <= 1 ? 0.5 : index / (n - 1);
  return (
    <div
      role="img"
      aria-label={label}
      tabIndex={0}
      className="absolute inset-0 cursor-crosshair touch-pan-y rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-accent"
      onPointerMove={pick}
      onPointerDown={pick}
      onPointerLeave={(event) => event.pointerType === "mouse" && setIndex(null)}
      onKeyDown={onKeyDown}
      onBlur={() => setIndex(null)}
      data-testid="pmc-plot"
    >
      {row && (
        <>
          <div aria-hidden className="pointer-events-none absolute inset-y-0 w-px bg-muted" style={{ left: `${x * 100}%` }} />
          <div
            role="status"
            className="pointer-events-none absolute top-1 z-10 w-max rounded-lg border border-border bg-surface px-2.5 py-1.5 text-xs text-text shadow-md"
            style={x > 0.5 ? { right: `calc(${(1 - x) * 100}% + 8px)` } : { left: `calc(${x * 100}% + 8px)` }}
            data-testid="pmc-tooltip"
          >
            <p className="font-semibold">{formatDay(row.day)}</p>
            {series.map((s) => (
              <p key={s.key} className="tabular-nums">
                <span style={{ color: s.color }}>●</span> {s.name}: {row[s.key]}
              </p>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
