import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { basicTpActivity, ourMetrics, RIDE_START, tpActivity } from "@/lib/compare/__fixtures__/activities";
import { buildComparison, type TrainingPeaksSide } from "@/lib/compare/build";
import { chooseFtp } from "@/lib/compare/ftp";
import { ComparisonResult } from "./comparison-result";

const side = (activities = [tpActivity()], isPremium = true): TrainingPeaksSide => ({
  status: "ok",
  activities,
  timeZone: "America/Denver",
  thresholdFtp: 265,
  isPremium,
  searched: { start: "2026-05-01", end: "2026-05-03" },
});

const render = (trainingPeaks: TrainingPeaksSide) =>
  renderToStaticMarkup(
    <ComparisonResult
      report={buildComparison({ ours: { metrics: ourMetrics(), startTime: RIDE_START, sport: "cycling", title: "Morning ride", device: null }, ftp: chooseFtp({ file: 265 }), trainingPeaks })}
    />,
  );

describe("ComparisonResult (server render)", () => {
  it("shows the match with its link and flags differing rows in text, not only colour", () => {
    const html = render(side());
    expect(html).toContain('href="https://app.trainingpeaks.com/workout/3518400833"');
    expect(html).toContain('rel="noreferrer"');
    expect(html).toContain("Same start time");
    expect(html).toContain("1 figure differs beyond tolerance.");
    expect(html).toMatch(/<tr class="[^"]*bg-warn\/10[^"]*" data-flag="differs" data-metric="tss">/);
    expect(html).toMatch(/data-metric="tss">.*Differs<span class="sr-only"> \(beyond ±5\.9\)<\/span>/);
    expect(html).toMatch(/<th scope="col" class="[^"]*">Check<\/th>/);
  });

  it("says TrainingPeaks returned nulls for a basic athlete", () => {
    const html = render(side([basicTpActivity()], false));
    expect(html).toContain("basic (free) TrainingPeaks athletes get null NP, TSS, IF");
    expect(html).toContain("Not in TrainingPeaks");
  });

  it("lists the legs of a multisport file, each with its own sport", () => {
    const legs = [
      { sport: "cycling" as const, durationSeconds: 1800, distanceMeters: 16740 },
      { sport: "running" as const, durationSeconds: 900, distanceMeters: 3107 },
    ];
    const html = renderToStaticMarkup(
      <ComparisonResult
        report={buildComparison({
          ours: { metrics: ourMetrics(), startTime: RIDE_START, sport: "multisport", title: null, device: null, legs },
          ftp: chooseFtp({ file: 265 }),
          trainingPeaks: { status: "skipped", reason: "offline" },
        })}
      />,
    );
    expect(html).toContain("Multisport");
    expect(html).toMatch(/1\. Cycling · 30:00 · 16\.7 km.*2\. Running · 15:00 · 3\.1 km/);
  });

  it("shows every time in the user's zone, matched or not (before: UTC without TrainingPeaks, its zone with it)", () => {
    const offline = renderToStaticMarkup(
      <ComparisonResult
        report={buildComparison({
          ours: { metrics: ourMetrics(), startTime: RIDE_START, sport: "cycling", title: "Morning ride", device: null },
          ftp: chooseFtp({ file: 265 }),
          trainingPeaks: { status: "skipped", reason: "offline" },
          displayTimeZone: "America/New_York",
        })}
      />,
    );
    // 13:12:05 UTC is 09:12 in New York (EDT)
    expect(offline).toContain("Morning ride · 2 May 2026, 09:12");
    const matched = renderToStaticMarkup(
      <ComparisonResult
        report={buildComparison({
          ours: { metrics: ourMetrics(), startTime: RIDE_START, sport: "cycling", title: "Morning ride", device: null },
          ftp: chooseFtp({ file: 265 }),
          trainingPeaks: side(),
          displayTimeZone: "America/New_York",
        })}
      />,
    );
    expect(matched).toContain("Morning ride · 2 May 2026, 09:12");
    expect(matched).toMatch(/\(Bike\) · 2 May 2026, 09:12/);
  });

  it("without a match: no check column, the reason as a note", () => {
    const html = render({ status: "unavailable", reason: "TrainingPeaks is not responding." });
    expect(html).toContain("Not compared");
    expect(html).not.toContain(">Check<");
    expect(html).toContain("TrainingPeaks is not responding.");
    expect(html).toContain('data-status="unavailable"');
  });
});
