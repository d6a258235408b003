import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/server/db/client";
import type { StoredClassPlan } from "@/server/queries/workout-analysis-input";
import type { SyncSource } from "./source";

/** What every phase chunk of one sync step shares: the job, its lease, the source and the step's deadline. */
export interface StepContext {
  db: Db;
  userId: string;
  jobId: string;
  holder: string;
  source: SyncSource;
  deadline: number;
  concurrency: number;
  pageSize: number;
  seriesBytes: number[];
  /** ride ids fetched (or being fetched) in this step, with the class's stored segments and targets */
  rides: Map<string, Promise<StoredClassPlan | null>>;
  /** classes seen in this step's queue with a stored row but no details yet, as stored (no lookup needed) */
  rideStubs: Map<string, StoredClassPlan & { detailsFetchedAt: null }>;
  /** the details workers stopped because too little time was left: end the step rather than loop */
  outOfTime: boolean;
}

/** Write to the job only while this step still holds its lease; otherwise the step stops (sync.lease_lost). */
export async function updateJob(ctx: StepContext, data: Parameters<Db["syncJob"]["updateMany"]>[0]["data"]): Promise<void> {
  const res = await ctx.db.syncJob.updateMany({ where: { id: ctx.jobId, leaseHolder: ctx.holder }, data });
  if (res.count === 0) throw new AppError("sync.lease_lost", { message: "the step lease expired" });
}

/** Milliseconds left before the step's deadline. */
export const timeLeft = (ctx: StepContext) => ctx.deadline - Date.now();
