import "server-only";
import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { getEnv, type AppEnv } from "@/server/env";
import { failureResponse } from "@/server/handlers/respond";
import { log } from "@/server/log";

function authorised(header: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A Vercel Cron route (vercel.json calls it with `Authorization: Bearer $CRON_SECRET`): checks the secret in constant
 * time, runs the job within the function's limit less a safety margin, logs and answers its report.
 */
export function cronRoute(name: string, maxDurationSeconds: number, run: (opts: { timeLimitMs: number; env: AppEnv }) => Promise<object>) {
  return async function GET(request: Request): Promise<Response> {
    const env = getEnv();
    if (!env.cronSecret) return failureResponse(new AppError("config.cron_disabled"), { name });
    if (!authorised(request.headers.get("authorization"), env.cronSecret)) return failureResponse(new AppError("auth.bad_secret"), { name });
    const report = await run({ timeLimitMs: (maxDurationSeconds - 8) * 1000, env });
    log.info(name, { ...report });
    return NextResponse.json({ ok: true, data: report });
  };
}
