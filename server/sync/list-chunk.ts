import "server-only";
import type { SyncPhase } from "@/lib/domain/sync";
import { isDeadlineExceeded } from "@/server/http/deadline";
import { updateJob, timeLeft, type StepContext } from "./step-context";
import { insertWorkoutStubs } from "./store";

/** Full list passes before a list that stays short of Peloton's total is accepted. */
const MAX_LIST_PASSES = 3;

/** Phase 1: list pages (several at once once the page count is known) and insert workout stubs. */
export async function listChunk(ctx: StepContext, full: boolean): Promise<SyncPhase> {
  const job = await ctx.db.syncJob.findUniqueOrThrow({ where: { id: ctx.jobId } });
  // Incremental syncs walk newest-first and stop at the first known workout; later passes walk everything.
  const walkAll = full || job.listPasses > 0;
  let remoteTotal = job.remoteTotal;
  let page = job.listPage;
  let stop = false;

  if (walkAll) {
    // A sliding window of `concurrency` pages in flight; each page's stubs are written as soon as it arrives,
    // while the other fetches continue. Before the total is known the first window is fetched at once (pages
    // past the end come back empty). The cursor is the lowest page not yet written.
    let pageCount = remoteTotal === null ? page + ctx.concurrency : Math.max(1, Math.ceil(remoteTotal / ctx.pageSize));
    const written = new Set<number>();
    let next = page;
    const worker = async () => {
      while (next < pageCount && timeLeft(ctx) > 500) {
        const n = next++;
        const p = await ctx.source.listPage(n, ctx.pageSize).catch((error: unknown) => (isDeadlineExceeded(error) ? null : Promise.reject(error)));
        if (!p) return;
        remoteTotal = p.total;
        pageCount = Math.max(1, Math.ceil(p.total / ctx.pageSize));
        await insertWorkoutStubs(ctx.db, ctx.userId, p.items);
        written.add(n);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.concurrency, pageCount - page)) }, worker));
    while (written.has(page)) page += 1;
    stop = page >= pageCount;
  } else {
    const p = await ctx.source.listPage(page, ctx.pageSize);
    remoteTotal = p.total;
    const { knownComplete } = await insertWorkoutStubs(ctx.db, ctx.userId, p.items);
    page += 1;
    stop = !p.showNext || p.items.length === 0 || (!walkAll && knownComplete > 0);
  }

  const listed = await ctx.db.workout.count({ where: { userId: ctx.userId } });
  if (!stop) {
    await updateJob(ctx, { listPage: page, remoteTotal, listed });
    return "listing";
  }
  // A list that came up short of Peloton's total (it shifted under us) gets another pass from the top.
  if (remoteTotal !== null && listed < remoteTotal && job.listPasses < MAX_LIST_PASSES) {
    await updateJob(ctx, { listPage: 0, listPasses: { increment: 1 }, remoteTotal, listed });
    return "listing";
  }
  const detailsTotal = await ctx.db.workout.count({ where: { userId: ctx.userId, syncState: "pending" } });
  await updateJob(ctx, { listPage: page, remoteTotal, listed, listComplete: true, detailsTotal });
  return "details";
}

