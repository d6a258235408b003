import "server-only";
import { z } from "zod";

/**
 * Building blocks for lenient Peloton schemas (pure, no I/O): unknown keys pass, nulls are expected, a scalar of the
 * wrong type becomes null instead of failing the whole response, and one malformed item never sinks a list.
 */
export const str = z.string().nullish().catch(null);
export const num = z.number().nullish().catch(null);
export const bool = z.boolean().nullish().catch(null);

/** The fields of every person object Peloton sends, members (`/api/user/{id}`) and instructors alike. */
export const personShape = {
  id: z.string().min(1),
  username: str,
  name: str,
  first_name: str,
  last_name: str,
  image_url: str,
};

/** A list of scalars; an element of the wrong type becomes null. */
export const scalarList = <T extends z.ZodType>(item: T) => z.array(item.nullable().catch(null)).nullish().catch(null);

/**
 * A list of numbers, as `scalarList(z.number())` reads it (absent stays absent, null or a non-list becomes null, an
 * element that is not a finite number becomes null), checked by one plain loop: performance graphs carry thousands of
 * samples per channel, and a schema per element made parsing one graph cost about a millisecond of CPU.
 */
export const numberList = z
  .unknown()
  .transform((value): (number | null)[] | null => {
    if (!Array.isArray(value)) return null;
    // The usual list is all finite numbers: it is kept as it is (JSON.parse built it for us alone), since a copy that
    // may hold nulls stores every fractional value as a separate heap object, which the collector then pays for.
    let clean = true;
    for (let i = 0; i < value.length && clean; i++) {
      const v: unknown = value[i];
      clean = typeof v === "number" && Number.isFinite(v);
    }
    if (clean) return value as number[];
    const out = new Array<number | null>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = typeof v === "number" && Number.isFinite(v) ? v : null;
    }
    return out;
  })
  .optional();

/** Numbers that line up index-for-index with sample offsets: a bad element becomes null so the alignment survives. */
export const sampleValues = numberList;

/** A list of objects, `[]` when absent or not a list; items that do not parse are dropped, the rest are kept. */
export function lenientList<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(null)
    .transform((items): z.output<T>[] => {
      const out: z.output<T>[] = [];
      if (!items) return out;
      for (const raw of items) {
        const parsed = item.safeParse(raw);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    });
}

/** An optional nested object: null when absent or not an object. */
export const optionalObject = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
