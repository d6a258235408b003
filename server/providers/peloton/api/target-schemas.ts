import "server-only";
import { z } from "zod";
import { lenientList, num, numberList, optionalObject, str } from "./schema-kit";

/**
 * Class target shapes shared by the performance graph (docs/peloton-api.md §5.6) and ride details (§5.7). Offsets are on the class video
 * timeline, inclusive on both ends; see target-metrics.ts for how they are aligned with samples.
 */
export const offsetsSchema = z.looseObject({ start: num, end: num });

export const targetMetricSchema = z.looseObject({ name: str, lower: num, upper: num });

export const targetMetricEntrySchema = z.looseObject({
  offsets: optionalObject(offsetsSchema),
  segment_type: str,
  metrics: lenientList(targetMetricSchema),
});
export type PelotonTargetMetricEntry = z.output<typeof targetMetricEntrySchema>;

/** An object `{expected_upper_output, expected_lower_output}` (kJ) or, in one source, a bare number (docs/peloton-api.md §9.7). */
export const totalExpectedOutputSchema = z
  .union([z.number(), z.looseObject({ expected_upper_output: num, expected_lower_output: num })])
  .nullish()
  .catch(null);

/** The older per-sample form: parallel `upper[]`/`lower[]` arrays per metric type ("cadence" | "resistance"). */
export const targetGraphMetricSchema = z.looseObject({
  graph_data: optionalObject(
    z.looseObject({ upper: numberList, lower: numberList, average: numberList }),
  ),
  max: num,
  min: num,
  average: num,
  type: str,
});
export type PelotonTargetGraphMetric = z.output<typeof targetGraphMetricSchema>;

export const paceLevelSchema = z.looseObject({ slug: str, display_name: str, fast_pace: num, slow_pace: num });

export const paceIntensitySchema = z.looseObject({
  value: num,
  display_name: str,
  pace_levels: lenientList(paceLevelSchema),
});
export type PelotonPaceIntensity = z.output<typeof paceIntensitySchema>;

/** `ride/{id}/details` → `target_metrics_data`. */
export const targetMetricsDataSchema = z.looseObject({
  target_metrics: lenientList(targetMetricEntrySchema),
  total_expected_output: totalExpectedOutputSchema,
  pace_intensities: lenientList(paceIntensitySchema),
});

/** `ride/{id}/details` → `target_class_metrics`. */
export const targetClassMetricsSchema = z.looseObject({
  target_graph_metrics: lenientList(targetGraphMetricSchema),
  total_expected_output: totalExpectedOutputSchema,
});

/** Performance graph → `target_metrics_performance_data` (time_in_metric values are seconds in range). */
export const targetMetricsPerformanceDataSchema = z.looseObject({
  target_metrics: lenientList(targetMetricEntrySchema),
  time_in_metric: lenientList(z.looseObject({ name: str, value: num })),
});

/** Performance graph → `target_performance_metrics` (older form). */
export const targetPerformanceMetricsSchema = z.looseObject({
  target_graph_metrics: lenientList(targetGraphMetricSchema),
  cadence_time_in_range: num,
  resistance_time_in_range: num,
});

/** Non-power-zone cycling cues (resistance in Peloton %, cadence in rpm). */
export const instructorCueSchema = z.looseObject({
  offsets: optionalObject(offsetsSchema),
  resistance_range: optionalObject(z.looseObject({ upper: num, lower: num })),
  cadence_range: optionalObject(z.looseObject({ upper: num, lower: num })),
});
export type PelotonInstructorCue = z.output<typeof instructorCueSchema>;
