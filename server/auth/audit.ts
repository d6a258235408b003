import "server-only";
import { isAppError } from "@/lib/errors/app-error";
import type { ErrorCode } from "@/lib/errors/codes";
import { clientIp } from "@/server/http/client-ip";
import { log } from "@/server/log";

/**
 * The audit log: one `audit.<event>` line per security-relevant act, with the user and the client IP from the
 * trusted proxy header (server/http/client-ip.ts). The fields are a closed set on purpose: no free-form object
 * can carry a token, password or authorization code into it (docs/security.md), and log.ts redacts on top.
 */
export type AuditEvent =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.sign_out_everywhere"
  | "peloton.connect"
  | "peloton.disconnect"
  | "upload.refused";

export interface AuditFields {
  userId: string | null;
  outcome: "ok" | "refused" | "failed";
  /** the AppError code of a refusal or failure (not `code`: log.ts redacts that key, the OAuth authorization code) */
  reason?: ErrorCode;
  /** e.g. the OAuth provider of a sign-in */
  provider?: "trainingpeaks" | "peloton";
  /** sessions ended by a sign-out everywhere */
  count?: number;
}

async function requestIp(): Promise<string | null> {
  try {
    return await clientIp();
  } catch {
    // Outside a request (cron, CLI, tests without one) there is no client.
    return null;
  }
}

export async function audit(event: AuditEvent, fields: AuditFields): Promise<void> {
  const { userId, outcome, reason, provider, count } = fields;
  log.info(`audit.${event}`, { userId, ip: await requestIp(), outcome, reason, provider, count });
}

/** Refusals that say someone is pushing the upload limits (size, decode caps, busy decoders, rate limit). */
const HOSTILE_UPLOAD: readonly ErrorCode[] = ["fit.too_large", "fit.too_slow", "fit.busy", "input.too_large", "input.too_many_attempts"];

/** Run an upload; a refusal for one of the limits above is audited before it is rethrown. */
export async function auditRefusedUpload<T>(userId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && HOSTILE_UPLOAD.includes(error.code)) await audit("upload.refused", { userId, outcome: "refused", reason: error.code });
    throw error;
  }
}
