import "server-only";
import { providerError } from "@/lib/errors/app-error";
import { randomUUID } from "node:crypto";
import { seal } from "@/server/crypto";
import { getDb } from "@/server/db/client";
import { getMe, getUserOverview } from "@/server/providers/peloton/api/client";
import { loginWithPassword } from "@/server/providers/peloton/auth/login";
import { toPelotonProfile, type PelotonProfile } from "@/server/providers/peloton/transform/profile";
import { getPelotonAccessToken, pelotonHosts, sealContext, sealedTokenColumns, withPeloton } from "@/server/providers/peloton/connection";
import { log } from "@/server/log";
import { getPelotonConnection } from "@/server/queries/peloton-connection";
import { diffProfiles, type PelotonConnectionView, type ProfileChange } from "@/lib/domain/peloton-connection";
import { profileColumns } from "@/server/providers/peloton/transform/profile-columns";
import { cancelSyncJob } from "@/server/sync/job";
import type { HistoryChoice } from "@/lib/domain/peloton-connection";
import { adoptHistory, claimPelotonAccount, deleteWorkouts, rememberAccount, tagConnectedHistory } from "./peloton-history";

/** Peloton connection data for one user: every function takes the signed-in user's id. */

async function fetchProfile(accessToken: string, apiBaseUrl: string): Promise<PelotonProfile> {
  const me = await getMe({ accessToken, apiBaseUrl });
  const overview = await getUserOverview({ accessToken, apiBaseUrl, userId: me.id });
  return toPelotonProfile({ me, overview });
}

/**
 * Connect: one headless login (never retried), then profile + overview. Nothing is stored unless the
 * whole connect succeeds; the password is stored (sealed) only when the user opted in. The Peloton account must not be
 * another user's, and a different account than before never merges histories (`history` says what happens to the
 * earlier one's workouts; docs/architecture.md "Accounts").
 */
export async function connectPeloton(
  userId: string,
  input: { email: string; password: string; rememberPassword: boolean; history?: HistoryChoice },
): Promise<PelotonConnectionView> {
  const { authBaseUrl, apiBaseUrl } = pelotonHosts();
  const started = Date.now();
  const tokens = await loginWithPassword({
    email: input.email,
    password: input.password,
    authBaseUrl,
    onStep: (step) => log.debug("peloton.login.step", { userId, step: step.name, status: step.status, ms: step.ms }),
  });
  const profile = await fetchProfile(tokens.accessToken, apiBaseUrl);
  const db = await getDb();
  const id = randomUUID();
  // Replace any previous connection atomically: the old tokens and password go with it.
  await db.$transaction(async (tx) => {
    await claimPelotonAccount(tx, userId, profile.userId);
    await adoptHistory(tx, userId, profile.userId, input.history);
    await tx.pelotonConnection.deleteMany({ where: { userId } });
    await tx.pelotonConnection.create({
      data: {
        id,
        userId,
        pelotonUserId: profile.userId,
        username: profile.username,
        loginEmail: input.email,
        status: "active",
        lastCheckedAt: new Date(),
        ...sealedTokenColumns(id, tokens),
        password: input.rememberPassword ? seal(input.password, sealContext(id, "password")) : null,
        profile: { create: profileColumns(profile) },
      },
    });
    await rememberAccount(tx, userId, profile.userId, profile.username);
  });
  log.info("peloton.connected", { userId, ms: Date.now() - started, rememberPassword: input.rememberPassword, history: input.history ?? "none" });
  const view = await getPelotonConnection(userId);
  if (!view) throw new Error("connection vanished after connect");
  return view;
}

/** "Test connection": renew the token, re-read /api/me and the overview, store them, report what changed. */
export async function testPelotonConnection(userId: string): Promise<{ changes: ProfileChange[]; checkedAt: string; tokenRenewed: true }> {
  const before = await getPelotonConnection(userId);
  if (!before) throw providerError("peloton", "disconnected", "Peloton is not connected.");
  await getPelotonAccessToken(userId, { forceRefresh: true });
  const profile = await withPeloton(userId, ({ accessToken, apiBaseUrl }) => fetchProfile(accessToken, apiBaseUrl));
  const db = await getDb();
  const row = await db.pelotonConnection.update({
    where: { userId },
    data: { lastCheckedAt: new Date(), username: profile.username, lastError: null, profile: { upsert: { create: profileColumns(profile), update: profileColumns(profile) } } },
    select: { lastCheckedAt: true },
  });
  const after = await getPelotonConnection(userId);
  return { changes: after?.profile ? diffProfiles(before.profile, after.profile) : [], checkedAt: (row.lastCheckedAt ?? new Date()).toISOString(), tokenRenewed: true };
}

/** The user's Peloton pace level (1–10) for pace targets, or null to estimate it per workout. */
export async function setPelotonPaceLevel(userId: string, level: number | null): Promise<{ paceLevel: number | null }> {
  const db = await getDb();
  const res = await db.pelotonConnection.updateMany({ where: { userId }, data: { paceLevel: level } });
  if (res.count === 0) throw providerError("peloton", "disconnected", "Connect Peloton first.");
  return { paceLevel: level };
}

/** Delete the workouts kept from `pelotonUserId`, a Peloton account that is not the connected one. */
export async function deleteKeptHistory(userId: string, pelotonUserId: string): Promise<number> {
  const db = await getDb();
  return db.$transaction((tx) => deleteWorkouts(tx, userId, { pelotonAccountId: pelotonUserId }));
}

/**
 * Disconnect: delete the connection and every secret with it (tokens, stored password, profile). The synced workouts
 * are kept (labelled with their account) unless the user asked to delete them too.
 */
export async function disconnectPeloton(userId: string, opts: { deleteWorkouts?: boolean } = {}): Promise<{ deleted: boolean; workoutsDeleted: number }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    let workoutsDeleted = 0;
    if (opts.deleteWorkouts) {
      await cancelSyncJob(tx, userId);
      workoutsDeleted = await deleteWorkouts(tx, userId);
    } else {
      await tagConnectedHistory(tx, userId);
    }
    const result = await tx.pelotonConnection.deleteMany({ where: { userId } });
    return { deleted: result.count > 0, workoutsDeleted };
  });
}
