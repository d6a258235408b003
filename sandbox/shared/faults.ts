import { z } from "zod";

/**
 * Fault injection shared by the simulators. A rule matches requests by method and a
 * case-insensitive path regex and, while it has `times` left, replaces or delays the response.
 */
export const faultRuleSchema = z.object({
  method: z.string().toUpperCase().optional(),
  path: z.string().default(".*"),
  /** Respond with this status instead of the real handler (e.g. 429, 500, 503). */
  status: z.number().int().min(100).max(599).optional(),
  /** Body for the injected response; a JSON value is sent as JSON, a string as text/plain. */
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** Delay before answering (applies to injected and real responses). */
  delayMs: z.number().int().min(0).optional(),
  /** Serve the real handler but corrupt the JSON body (malformed JSON). */
  malformed: z.boolean().optional(),
  /** Destroy the socket without answering (a network failure / timeout). */
  reset: z.boolean().optional(),
  /** How many requests the rule applies to; omitted = until cleared. */
  times: z.number().int().min(1).optional(),
});
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

interface ActiveRule {
  rule: FaultRule;
  regex: RegExp;
  remaining: number;
}

export class FaultController {
  private rules: ActiveRule[] = [];
  /** Latency added to every request (e.g. 150 ms for benchmarks). */
  latencyMs = 0;

  add(input: FaultRuleInput): void {
    const rule = faultRuleSchema.parse(input);
    this.rules.push({ rule, regex: new RegExp(rule.path, "i"), remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
  }

  /** The first live rule matching this request; consumes one of its `times`. */
  take(method: string, path: string): FaultRule | undefined {
    for (const active of this.rules) {
      if (active.remaining <= 0) continue;
      if (active.rule.method && active.rule.method !== method.toUpperCase()) continue;
      if (!active.regex.test(path)) continue;
      active.remaining -= 1;
      return active.rule;
    }
    return undefined;
  }
}
