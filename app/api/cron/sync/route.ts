import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { getEnv } from "@/server/env";
import { failureResponse } from "@/server/handlers/respond";
import { log } from "@/server/log";
import { runSyncCron } from "@/server/sync/schedule";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

function authorised(header: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Vercel Cron (see vercel.json) calls this with `Authorization: Bearer $CRON_SECRET`. */
export async function GET(request: Request): Promise<Response> {
  const env = getEnv();
  if (!env.cronSecret) return failureResponse(new AppError("config.cron_disabled"), { name: "sync.cron" });
  if (!authorised(request.headers.get("authorization"), env.cronSecret)) return failureResponse(new AppError("auth.bad_secret"), { name: "sync.cron" });
  const report = await runSyncCron({ timeLimitMs: (maxDuration - 8) * 1000 });
  log.info("sync.cron", { ...report });
  return NextResponse.json({ ok: true, data: report });
}
