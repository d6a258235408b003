import type { WorkoutDetailView } from "@/lib/domain/workout-detail";
import { formatNumber } from "@/lib/format/display";
import { Stat } from "@/components/ui/stat";

/** The seed's WorkoutDetails: totals, avg/max per metric, and NP (the score, IF and TSS are in "Training stress"). */
export function WorkoutSummary({ w }: { w: WorkoutDetailView }) {
  const s = w.summary;
  if (!s) return <p className="text-sm text-muted">This workout&apos;s details are still syncing.</p>;
  const pair = (avg: number | null, max: number | null, d = 0) => (avg === null && max === null ? null : `${formatNumber(avg, d)} / ${formatNumber(max, d)}`);
  const items: { label: string; value: string | null; unit?: string; hint?: string }[] = [
    { label: "Total output", value: s.totalOutputKj === null ? null : formatNumber(s.totalOutputKj), unit: "kJ" },
    { label: "Distance", value: s.distance === null ? null : formatNumber(s.distance, 2), unit: s.distanceUnit ?? undefined },
    { label: "Calories", value: s.calories === null ? null : formatNumber(s.calories), unit: "kcal" },
    { label: "Output avg / max", value: pair(s.avgOutput, s.maxOutput), unit: "W" },
    { label: "Cadence avg / max", value: pair(s.avgCadence, s.maxCadence), unit: "rpm" },
    { label: "Resistance avg / max", value: pair(s.avgResistance, s.maxResistance), unit: "%" },
    { label: "Speed avg / max", value: pair(s.avgSpeed, s.maxSpeed, 1), unit: s.speedUnit ?? undefined },
    { label: "Heart rate avg / max", value: pair(s.avgHeartRate, s.maxHeartRate), unit: "bpm" },
    { label: "Normalized power", value: s.normalizedPower === null ? null : formatNumber(s.normalizedPower), unit: "W" },
    { label: "Elevation", value: s.elevation === null ? null : formatNumber(s.elevation), unit: "ft" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="workout-summary">
      {items
        .filter((i) => i.value !== null)
        .map((i) => (
          <Stat key={i.label} label={i.label} value={i.value} unit={i.unit} hint={i.hint} />
        ))}
    </dl>
  );
}
