import type { StepResult } from "../server/sync/step";

/**
 * The contention scenario of `npm run bench:sync`: many AutoCoach users whose connections share ONE Peloton account
 * (so one request budget), each driven step after step at the same time against a slow simulator. The connections
 * are written directly (one login, tokens sealed per connection), the way two users who signed in to the same
 * account would end up, whatever the connect flow allows.
 */
export interface ContentionOptions {
  users: number;
  /** steps per user */
  rounds: number;
  stepMs: number;
  concurrency: number;
  /** the user whose Peloton account every contention user shares */
  templateUserId: string;
  credentials: { email: string; password: string };
}

export interface ContentionResult {
  steps: number;
  stepMsMax: number;
  stepMsP50: number;
  /** steps that took longer than their budget + 2 s */
  overruns: number;
}

export async function runContention(opts: ContentionOptions): Promise<ContentionResult> {
  const { getDb } = await import("../server/db/client");
  const { loginWithPassword } = await import("../server/providers/peloton/auth/login");
  const { pelotonHosts, sealedTokenColumns } = await import("../server/providers/peloton/connection");
  const { startSyncJob } = await import("../server/sync/job");
  const { syncStep } = await import("../server/sync/service");
  const prisma = await getDb();
  const template = await prisma.pelotonConnection.findUniqueOrThrow({ where: { userId: opts.templateUserId } });
  const tokens = await loginWithPassword({ ...opts.credentials, authBaseUrl: pelotonHosts().authBaseUrl });
  const userIds: string[] = [];
  for (let i = 0; i < opts.users; i++) {
    const user = await prisma.user.create({ data: { name: `bench contention ${i}` } });
    const id = `bench-contention-${i}-${user.id}`;
    await prisma.pelotonConnection.create({
      data: { id, userId: user.id, pelotonUserId: template.pelotonUserId, username: template.username, loginEmail: template.loginEmail, status: "active", ...sealedTokenColumns(id, tokens) },
    });
    await startSyncJob(prisma, user.id, "full");
    userIds.push(user.id);
  }
  const durations: number[] = [];
  await Promise.all(
    userIds.map(async (userId) => {
      for (let round = 0; round < opts.rounds; round++) {
        const t0 = performance.now();
        const result: StepResult = await syncStep(userId, { budgetMs: opts.stepMs, concurrency: opts.concurrency, everyN: 1 });
        durations.push(performance.now() - t0);
        if (!result.more) break;
      }
    }),
  );
  durations.sort((a, b) => a - b);
  return {
    steps: durations.length,
    stepMsMax: durations.at(-1) ?? Number.NaN,
    stepMsP50: durations[Math.floor(durations.length / 2)] ?? Number.NaN,
    overruns: durations.filter((d) => d > opts.stepMs + 2_000).length,
  };
}
