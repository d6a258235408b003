import "server-only";
import { getDb } from "@/server/db/client";
import type { OtherAccountHistory } from "@/lib/domain/peloton-connection";

/** Workouts kept from Peloton accounts other than the connected one, per account (most workouts first). */
export async function listOtherAccountHistory(userId: string): Promise<OtherAccountHistory[]> {
  const db = await getDb();
  const [groups, accounts] = await Promise.all([
    db.workout.groupBy({ by: ["pelotonAccountId"], where: { userId, pelotonAccountId: { not: null } }, _count: { _all: true } }),
    db.pelotonHistoryAccount.findMany({ where: { userId }, select: { pelotonUserId: true, username: true } }),
  ]);
  const names = new Map(accounts.map((a) => [a.pelotonUserId, a.username]));
  return groups
    .flatMap((g) => (g.pelotonAccountId ? [{ pelotonUserId: g.pelotonAccountId, username: names.get(g.pelotonAccountId) ?? null, workouts: g._count._all }] : []))
    .sort((a, b) => b.workouts - a.workouts);
}

/** The account a user's synced workouts came from, for the connect form's "different account" choice. */
export async function getConnectedHistory(userId: string): Promise<{ username: string | null; workouts: number } | null> {
  const db = await getDb();
  const [connection, workouts] = await Promise.all([
    db.pelotonConnection.findUnique({ where: { userId }, select: { username: true } }),
    db.workout.count({ where: { userId } }),
  ]);
  if (workouts === 0) return null;
  if (connection) return { username: connection.username, workouts };
  const last = await db.pelotonHistoryAccount.findFirst({ where: { userId }, orderBy: { lastConnectedAt: "desc" }, select: { username: true } });
  return { username: last?.username ?? null, workouts };
}
