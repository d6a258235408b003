import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/server/db/generated/prisma/client";
import type { HistoryChoice } from "@/lib/domain/peloton-connection";
import { cancelSyncJob } from "@/server/sync/job";

/**
 * Which Peloton account each workout came from. A workout's `pelotonAccountId` is null while it belongs to the
 * connected account; it is set when that account stops being the connected one (another account connected, or a
 * disconnect), so two accounts' histories are never merged and kept history can be labelled.
 */

type Tx = Prisma.TransactionClient;

/** One Peloton account belongs to one AutoCoach user at a time; serialised per account across instances. */
export async function claimPelotonAccount(tx: Tx, userId: string, pelotonUserId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`peloton-account:${pelotonUserId}`}))`;
  const holder = await tx.pelotonConnection.findFirst({ where: { pelotonUserId, userId: { not: userId } }, select: { userId: true } });
  if (holder) throw new AppError("peloton.account_in_use");
}

/** Workouts of the user that came from another Peloton account than `pelotonUserId` (the one being connected). */
export async function countOtherAccountWorkouts(tx: Tx, userId: string, pelotonUserId: string): Promise<number> {
  const current = await tx.pelotonConnection.findUnique({ where: { userId }, select: { pelotonUserId: true } });
  const untaggedAreOther = current !== null && current.pelotonUserId !== pelotonUserId;
  return tx.workout.count({
    where: { userId, OR: [{ pelotonAccountId: { not: null, notIn: [pelotonUserId] } }, ...(untaggedAreOther ? [{ pelotonAccountId: null }] : [])] },
  });
}

/** The connected account is leaving: its workouts keep its id from now on. */
export async function tagConnectedHistory(tx: Tx, userId: string): Promise<void> {
  const current = await tx.pelotonConnection.findUnique({ where: { userId }, select: { pelotonUserId: true } });
  if (current) await tx.workout.updateMany({ where: { userId, pelotonAccountId: null }, data: { pelotonAccountId: current.pelotonUserId } });
}

/**
 * Connecting `pelotonUserId`: its own workouts (from an earlier connection) become the connected history again, and
 * the other accounts' workouts are kept (labelled, no longer synced) or deleted, as the user chose.
 */
export async function adoptHistory(tx: Tx, userId: string, pelotonUserId: string, choice: HistoryChoice | undefined): Promise<void> {
  const others = await countOtherAccountWorkouts(tx, userId, pelotonUserId);
  if (others > 0 && !choice) throw new AppError("peloton.history_choice_required");
  const current = await tx.pelotonConnection.findUnique({ where: { userId }, select: { pelotonUserId: true } });
  if (others > 0 || (current && current.pelotonUserId !== pelotonUserId)) await forgetSyncs(tx, userId);
  await tagConnectedHistory(tx, userId);
  await tx.workout.updateMany({ where: { userId, pelotonAccountId: pelotonUserId }, data: { pelotonAccountId: null } });
  if (others === 0) return;
  if (choice === "delete") {
    await deleteWorkouts(tx, userId, { pelotonAccountId: { not: null } });
    return;
  }
  await tx.workout.updateMany({
    where: { userId, pelotonAccountId: { not: null }, syncState: { not: "complete" } },
    data: { syncState: "failed", syncError: "Not synced: this workout belongs to a Peloton account that is no longer connected." },
  });
}

/**
 * Another account: the sync jobs (cursor, counts, "up to date") were the other account's. A running step is cancelled
 * first (it loses its lease and stops at its next write), then the jobs go, so the new account starts from scratch.
 */
async function forgetSyncs(tx: Tx, userId: string): Promise<void> {
  await cancelSyncJob(tx, userId);
  await tx.syncJob.deleteMany({ where: { userId } });
}

/** Delete workouts (details, series, scores and upload records go with them) and the FTP history Peloton gave. */
export async function deleteWorkouts(tx: Tx, userId: string, where: Prisma.WorkoutWhereInput = {}): Promise<number> {
  const res = await tx.workout.deleteMany({ where: { ...where, userId } });
  if (res.count > 0) await tx.thresholdEntry.deleteMany({ where: { userId, source: "peloton" } });
  return res.count;
}

export async function rememberAccount(tx: Tx, userId: string, pelotonUserId: string, username: string | null): Promise<void> {
  const data = { username, lastConnectedAt: new Date() };
  await tx.pelotonHistoryAccount.upsert({ where: { userId_pelotonUserId: { userId, pelotonUserId } }, create: { userId, pelotonUserId, ...data }, update: data });
}
