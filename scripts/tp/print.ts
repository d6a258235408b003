import type { ComparisonReport } from "../../lib/compare/build";
import { describeStartDelta, FLAG_LABELS, formatDelta, formatMetricValue, sportLabel } from "../../lib/compare/describe";
import { formatWorkoutDate } from "@/lib/format/date";
import { formatDuration } from "@/lib/format/display";
import { formatDistance } from "@/lib/format/quantity";

/** The human-readable comparison: a header, the ours | TrainingPeaks | Δ table, then the notes (plain text, no colour). */

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, col) => (col === 0 || col === r.length - 1 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join("   ")
      .trimEnd(),
  );
}

export function printReport(file: string, report: ComparisonReport): string {
  const zone = report.timeZone;
  const a = report.activity;
  const lines = [
    `File            ${file}`,
    `Activity        ${a.title ?? sportLabel(a.sport)} (${sportLabel(a.sport)}${a.device ? `, ${a.device}` : ""})`,
    ...a.legs.map((leg, i) => `  leg ${i + 1}         ${sportLabel(leg.sport)} ${formatDuration(leg.durationSeconds)}${leg.distanceMeters === null ? "" : `, ${formatDistance(leg.distanceMeters, report.units)}`}`),
    `Start           ${formatWorkoutDate(a.startTime, zone, "long")} (${zone})`,
    `FTP             ${report.ftp.watts === null ? "none" : `${report.ftp.watts} W`} (${report.ftp.label})`,
  ];
  const m = report.match;
  if (m) {
    lines.push(`TrainingPeaks   “${m.title}” (${m.type}), workout ${m.workoutId}: ${describeStartDelta(m.startTimeDeltaSeconds).toLowerCase()}`);
    if (m.url) lines.push(`                ${m.url}`);
  } else {
    lines.push(`TrainingPeaks   ${report.trainingPeaks.status === "no_match" ? "no matching workout" : "not compared"}`);
  }
  lines.push("");
  const header = ["Metric", "Ours", "TrainingPeaks", "Δ (ours − TP)", ""];
  // Without a TrainingPeaks workout every flag would just say "missing there": leave the column empty.
  const flag = (r: ComparisonReport["rows"][number]) =>
    !m || r.flag === "ok" ? "" : r.flag === "differs" ? `!! ${FLAG_LABELS.differs.toLowerCase()}` : FLAG_LABELS[r.flag].toLowerCase();
  const body = report.rows.map((r) => [r.label, formatMetricValue(r.key, r.ours, report.units), formatMetricValue(r.key, r.trainingpeaks, report.units), formatDelta(r, report.units), flag(r)]);
  lines.push(...table([header, ...body]));
  if (m) lines.push("", report.differing === 0 ? "Every figure agrees within tolerance." : `${report.differing} figure(s) differ beyond tolerance (marked !!).`);
  if (report.notes.length) {
    lines.push("", "Notes:");
    for (const note of report.notes) lines.push(`  - ${note.message}`);
  }
  return `${lines.join("\n")}\n`;
}
