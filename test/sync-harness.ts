import { DEMO_MEMBER, startPelotonSimulator, type PelotonSimulator, type PelotonSimulatorOptions } from "@/sandbox/peloton/server";

/** Shared set-up for sync integration tests: a simulator, a user connected to a member, a step loop. */
export async function startSim(opts: PelotonSimulatorOptions = {}): Promise<PelotonSimulator> {
  const sim = await startPelotonSimulator({ quiet: true, ...opts });
  process.env.PELOTON_SIMULATOR_URL = sim.url;
  return sim;
}

export async function connectedUser(member: { email: string; password: string } = DEMO_MEMBER): Promise<string> {
  const { getDb } = await import("@/server/db/client");
  const user = await (await getDb()).user.create({ data: { name: member.email } });
  await reconnectPeloton(user.id, member);
  return user.id;
}

/**
 * Connect (or reconnect) `userId` to `member`'s Peloton account. One Peloton account belongs to one user at a time
 * (server/accounts/peloton-history.ts), but sync tests run many users on one simulator member: the other holders are
 * parked while this user logs in, then restored.
 */
export async function reconnectPeloton(userId: string, member: { email: string; password: string }): Promise<void> {
  const { getDb } = await import("@/server/db/client");
  const { connectPeloton } = await import("@/server/accounts/peloton");
  const db = await getDb();
  const holders = await db.pelotonConnection.findMany({ where: { loginEmail: member.email, NOT: { userId } }, select: { id: true, pelotonUserId: true } });
  for (const h of holders) await db.pelotonConnection.update({ where: { id: h.id }, data: { pelotonUserId: `parked:${h.id}` } });
  try {
    await connectPeloton(userId, { ...member, rememberPassword: false });
  } finally {
    for (const h of holders) await db.pelotonConnection.update({ where: { id: h.id }, data: { pelotonUserId: h.pelotonUserId } });
  }
}

export async function syncToEnd(userId: string, opts: { kind?: "full" | "incremental"; budgetMs?: number; maxSteps?: number; start?: boolean } = {}) {
  const { getDb } = await import("@/server/db/client");
  const { startSyncJob } = await import("@/server/sync/job");
  const { syncStep } = await import("@/server/sync/service");
  if (opts.start !== false) await startSyncJob(await getDb(), userId, opts.kind ?? "full");
  let steps = 0;
  let last;
  for (; steps < (opts.maxSteps ?? 500); steps++) {
    last = await syncStep(userId, { budgetMs: opts.budgetMs ?? 8_000 });
    if (!last.more) break;
    if (last.busy) await new Promise((r) => setTimeout(r, 50));
  }
  return { steps, last };
}

/** A comparable snapshot of what the user's history looks like in the database. */
export async function historySnapshot(userId: string) {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const workouts = await db.workout.findMany({
    where: { userId },
    orderBy: { pelotonWorkoutId: "asc" },
    select: {
      pelotonWorkoutId: true, status: true, syncState: true, title: true, rideId: true, discipline: true,
      details: { select: { totalOutputKj: true, calories: true, avgOutput: true, maxHeartRate: true, normalizedPower: true, tss: true } },
      series: { select: { samples: true, channels: true, data: true } },
    },
  });
  return workouts.map((w) => ({ ...w, series: w.series ? { ...w.series, data: Buffer.from(w.series.data).toString("base64") } : null }));
}

/** Scenarios that each start with the simulator's members free (one Peloton account belongs to one user at a time). */
export async function freeAllPelotonAccounts(): Promise<void> {
  const { getDb } = await import("@/server/db/client");
  await (await getDb()).pelotonConnection.deleteMany();
}
