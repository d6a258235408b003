import "server-only";
import { getDb } from "@/server/db/client";
import { fetchAthlete, fetchThresholds } from "@/server/providers/trainingpeaks/records";
import { PROVIDER_ID, tokenContext, tpOAuthConfig } from "@/server/providers/trainingpeaks/auth/config";
import { deauthorize } from "@/server/providers/trainingpeaks/auth/oauth";
import { getValidAccessToken } from "@/server/providers/trainingpeaks/auth/tokens";
import type { TrainingPeaksSummary, TrainingPeaksSummaryResult } from "@/lib/domain/trainingpeaks";
import { toFailure } from "@/server/handlers/errors";
import type { Failure } from "@/lib/errors/result";
import { openOptional } from "@/server/crypto";
import { log } from "@/server/log";
import { stopAutoSend } from "@/server/push/auto-send";

const FRESH_MS = 10 * 60_000;

/**
 * Profile + thresholds: served from the stored snapshot when fresh, else fetched live and stored.
 * When TrainingPeaks fails, the last snapshot is returned with the reason, so the page still works.
 */
export async function getTrainingPeaksSummary(userId: string, opts: { refresh?: boolean } = {}): Promise<TrainingPeaksSummaryResult> {
  const db = await getDb();
  const snapshot = await db.trainingPeaksProfile.findUnique({ where: { userId } });
  if (snapshot && !opts.refresh && Date.now() - snapshot.fetchedAt.getTime() < FRESH_MS) return fromSnapshot(snapshot, null);
  try {
    const [athlete, thresholds] = await Promise.all([fetchAthlete(userId), fetchThresholds(userId)]);
    const data = {
      athleteId: athlete.athleteId,
      firstName: athlete.firstName,
      lastName: athlete.lastName,
      email: athlete.email,
      timeZone: athlete.timeZone,
      isPremium: athlete.isPremium,
      preferredUnits: athlete.preferredUnits,
      weightKg: athlete.weightKg,
      ftpWatts: thresholds.ftpWatts,
      thresholdHr: thresholds.thresholdHr,
      maxHr: thresholds.maxHr,
      restingHr: thresholds.restingHr,
      runThresholdSpeed: thresholds.runThresholdSpeed,
      fetchedAt: new Date(),
    };
    const saved = await db.trainingPeaksProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    return fromSnapshot(saved, null);
  } catch (error) {
    const reason = toFailure(error, { name: "trainingpeaks.summary", userId }).failure;
    return snapshot ? fromSnapshot(snapshot, reason) : { error: reason };
  }
}

type Snapshot = NonNullable<Awaited<ReturnType<Awaited<ReturnType<typeof getDb>>["trainingPeaksProfile"]["findUnique"]>>>;

function fromSnapshot(s: Snapshot, staleBecause: Failure | null): TrainingPeaksSummary {
  return {
    athlete: {
      athleteId: s.athleteId,
      name: [s.firstName, s.lastName].filter(Boolean).join(" ") || `Athlete ${s.athleteId}`,
      email: s.email,
      timeZone: s.timeZone,
      isPremium: s.isPremium,
      preferredUnits: s.preferredUnits === "imperial" ? "imperial" : "metric",
      weightKg: s.weightKg,
    },
    thresholds: {
      ftpWatts: s.ftpWatts,
      thresholdHr: s.thresholdHr,
      maxHr: s.maxHr,
      restingHr: s.restingHr,
      runThresholdSpeed: s.runThresholdSpeed,
    },
    fetchedAt: s.fetchedAt.toISOString(),
    staleBecause,
  };
}

/** Revoke AutoCoach's grant at TrainingPeaks (POST /oauth/deauthorize); false when TrainingPeaks could not be told. */
export async function revokeTrainingPeaksGrant(userId: string): Promise<boolean> {
  const db = await getDb();
  const account = await db.account.findFirst({ where: { userId, provider: PROVIDER_ID } });
  if (!account?.access_token || account.status === "disconnected") return false;
  try {
    // A dead access token cannot revoke the grant: renew it first (the refresh token may still live).
    const token = await getValidAccessToken(userId).catch(() =>
      openOptional(account.access_token, tokenContext(account.providerAccountId, "access_token")),
    );
    if (!token) return false;
    await deauthorize(tpOAuthConfig(), token);
    return true;
  } catch (error) {
    log.warn("trainingpeaks.deauthorize.failed", { userId, error });
    return false;
  }
}

/**
 * Disconnect: revoke the grant at TrainingPeaks, then delete the stored tokens and sessions, and stop auto-send.
 * The tokens are deleted even when TrainingPeaks cannot be reached; the result says so.
 */
export async function disconnectTrainingPeaks(userId: string): Promise<{ revokedAtTrainingPeaks: boolean }> {
  const revoked = await revokeTrainingPeaksGrant(userId);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    // Nothing may go on uploading in the user's name: auto-send goes off and its waiting uploads are stopped.
    await stopAutoSend(tx, userId, { switchOff: true });
    await tx.account.updateMany({
      where: { userId, provider: PROVIDER_ID },
      data: { access_token: null, refresh_token: null, expires_at: null, status: "disconnected", lastError: null, tokenVersion: { increment: 1 } },
    });
    await tx.trainingPeaksProfile.deleteMany({ where: { userId } });
    await tx.session.deleteMany({ where: { userId } });
  });
  return { revokedAtTrainingPeaks: revoked };
}
