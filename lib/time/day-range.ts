import { z } from "zod";
import { isDay } from "./day";

const DAY_MS = 86_400_000;

/** A real calendar day as YYYY-MM-DD (2026-02-30 is refused). */
export const daySchema = z.string().refine(isDay, "must be a real date as YYYY-MM-DD");

/**
 * `?start=…&end=…` of a day range: both real days, start not after end, at most `maxDays` long (`tooLong` says so in
 * the user's words, e.g. "choose at most two months").
 */
export function dayRangeSchema(maxDays: number, tooLong: string) {
  return z
    .object({ start: daySchema, end: daySchema })
    .refine((q) => q.start <= q.end, { message: "the start date must not be after the end date", path: ["start"] })
    .refine((q) => Date.parse(q.end) - Date.parse(q.start) <= maxDays * DAY_MS, { message: tooLong, path: ["end"] });
}
