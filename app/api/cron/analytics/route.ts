import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { runAnalyticsCron } from "@/server/analytics/drive";
import { getEnv } from "@/server/env";
import { failureResponse } from "@/server/handlers/respond";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";
export const maxDuration = 60;

function authorised(header: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Vercel Cron (vercel.json) advances queued rescoring / backfill jobs that no request finished. */
export async function GET(request: Request): Promise<Response> {
  const env = getEnv();
  if (!env.cronSecret) return failureResponse(new AppError("config.cron_disabled"), { name: "analytics.cron" });
  if (!authorised(request.headers.get("authorization"), env.cronSecret)) return failureResponse(new AppError("auth.bad_secret"), { name: "analytics.cron" });
  const report = await runAnalyticsCron({ timeLimitMs: (maxDuration - 8) * 1000, stepBudgetMs: 8_000 });
  log.info("analytics.cron", { ...report });
  return NextResponse.json({ ok: true, data: report });
}
