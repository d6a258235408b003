/**
 * The one result shape of every server action and route handler body. A failure carries a code from
 * lib/errors/codes.ts, a message written for the user, per-field messages for forms, the wait for rate limits, and a
 * reference id when the failure was ours (the same id is in the server log).
 */
export interface Failure {
  ok: false;
  code: string;
  message: string;
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
  ref?: string;
}

export type Result<T> = { ok: true; data: T } | Failure;

export function isFailure(value: unknown): value is Failure {
  if (!value || typeof value !== "object") return false;
  return "ok" in value && value.ok === false && "code" in value && typeof value.code === "string" && "message" in value && typeof value.message === "string";
}
