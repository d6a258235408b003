import "server-only";
import { getEnv } from "@/server/env";
import { log } from "@/server/log";
import { advanceRunnable } from "./schedule";

/**
 * The sweeper started with the server (instrumentation.ts): every SYNC_SWEEP_INTERVAL_MS it advances runnable jobs —
 * ones no continuation is driving, paused ones due to resume, and ones whose step died and left an expired lease —
 * through the one sync service. Sweeps never overlap; off when SYNC_BACKGROUND is off (the default in tests).
 */

/** On globalThis so a second load of this module (instrumentation and routes are separate bundles) starts nothing more. */
const state = globalThis as unknown as { autocoachSweeper?: { timer: NodeJS.Timeout; sweeping: boolean } };

/** How long one sweep may keep advancing jobs before it lets the next tick take over. */
const SWEEP_LIMIT_MS = 5 * 60_000;

export async function sweepOnce(): Promise<void> {
  const sweeper = state.autocoachSweeper;
  if (sweeper?.sweeping) return;
  if (sweeper) sweeper.sweeping = true;
  try {
    const report = await advanceRunnable({ timeLimitMs: SWEEP_LIMIT_MS });
    if (report.steps) log.info("sync.sweep", { ...report });
  } catch (error) {
    log.warn("sync.sweep.failed", { error });
  } finally {
    if (sweeper) sweeper.sweeping = false;
  }
}

/** Start the interval (idempotent); returns whether a sweeper runs in this process. */
export function startSyncSweeper(): boolean {
  const { sync } = getEnv();
  if (!sync.background) return false;
  if (state.autocoachSweeper) return true;
  const timer = setInterval(() => void sweepOnce(), sync.sweepIntervalMs);
  timer.unref();
  state.autocoachSweeper = { timer, sweeping: false };
  log.info("sync.sweeper.started", { intervalMs: sync.sweepIntervalMs });
  return true;
}

export function stopSyncSweeper(): void {
  if (state.autocoachSweeper) clearInterval(state.autocoachSweeper.timer);
  state.autocoachSweeper = undefined;
}
