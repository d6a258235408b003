import type { SimRequest } from "../core/reply";

/** An integer query parameter: its default when absent, undefined when malformed or below `min`. */
export function intParam(req: SimRequest, name: string, fallback: number, min: number): number | undefined {
  const raw = req.url.searchParams.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw.trim())) return undefined;
  const value = Number.parseInt(raw, 10);
  return value >= min ? value : undefined;
}

/** `joins=a,b` (also repeated `joins=`), or undefined when a value is not one of `allowed`. */
export function joinsParam(req: SimRequest, allowed: ReadonlySet<string>): Set<string> | undefined {
  const joins = new Set(
    req.url.searchParams.getAll("joins").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean),
  );
  for (const j of joins) if (!allowed.has(j)) return undefined;
  return joins;
}

/** ISO-8601 instant as epoch seconds; null when absent, undefined when unparseable. */
export function timeParam(req: SimRequest, name: string): number | null | undefined {
  const raw = req.url.searchParams.get(name);
  if (!raw) return null;
  // .NET writes seven fractional digits (2025-11-17T07:00:00.0000000Z); Date.parse wants at most three.
  const ms = Date.parse(raw.replace(/(\.\d{3})\d+/, "$1"));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
