import "server-only";
import { isAppError } from "@/lib/errors/app-error";
import { getEnv } from "./env";

/**
 * Structured one-line logs. Values under secret-looking keys are replaced, and token-shaped strings
 * are masked, so a token or password never reaches a log even when an error object is logged whole.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEY = /(token|secret|password|authorization|cookie|code_verifier|^code$|wresult|sealed)/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4) return "[…]";
  if (value instanceof Error) {
    return {
      name: value.name,
      ...(isAppError(value) ? { code: value.code, ...(value.detail ? { detail: redact(value.detail, depth + 1) } : {}) } : {}),
      message: redactText(value.message),
      ...(value.cause ? { cause: redact(value.cause, depth + 1) } : {}),
    };
  }
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  return value;
}

function redactText(text: string): string {
  return text
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, "$1[redacted]")
    .replace(/((?:access_token|refresh_token|code|password|client_secret)=)[^&\s]+/gi, "$1[redacted]")
    .replace(/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, "[jwt]")
    .replace(/sealed:v1:[^\s"']+/g, "[sealed]");
}

function emit(level: Level, event: string, fields?: Record<string, unknown>): void {
  let threshold: Level | "silent" = "info";
  try {
    threshold = getEnv().logLevel;
  } catch {
    // A broken environment must not stop us from logging why.
  }
  if (ORDER[level] < ORDER[threshold]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(fields ? (redact(fields) as object) : {}) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => emit("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => emit("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => emit("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => emit("error", event, fields),
};
