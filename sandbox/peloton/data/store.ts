import { z } from "zod";
import { seededRandom } from "../../shared/http";
import { hexId, seedOf } from "./ids";
import { catalog } from "./catalog";
import { buildHeader, ftpAfter, generateHistory, pickPlan, withQuirks } from "./history";
import { QUIRKS } from "./quirks";
import { MEMBERS, type MemberSpec } from "./members";
import { cyclingWork, generateSeries, type Series } from "./series";
import { round, summarize, type WorkoutSummary } from "./summary";
import { CLASS_KINDS, type FtpInfo, type WorkoutHeader } from "./types";

/** What a test or the admin endpoint may say about a workout that "just happened". */
export const newWorkoutSchema = z.object({
  kind: z.enum(CLASS_KINDS).optional(),
  rideId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  durationMinutes: z.number().int().positive().optional(),
  /** Epoch seconds; default: so that the workout ended a minute ago. */
  createdAt: z.number().int().positive().optional(),
  status: z.enum(["COMPLETE", "IN_PROGRESS"]).optional(),
  /** awkward cases its responses carry (quirks.ts); none unless asked */
  quirks: z.array(z.enum(QUIRKS)).optional(),
});
export type NewWorkoutInput = z.infer<typeof newWorkoutSchema>;

export interface MemberData {
  member: MemberSpec;
  /** Oldest first. */
  workouts: WorkoutHeader[];
  ftp: FtpInfo;
}

const SERIES_CACHE_SIZE = 24;

/**
 * The generated world, built lazily: a member's history on first use, a workout's samples on
 * request (kept in a small LRU), its totals memoised. Startup does no generation at all.
 */
/** What DataStore can't regenerate, as JSON (sandbox/shared/persist.ts): where the histories end and the added workouts. */
export interface DataSnapshot {
  anchor: number;
  added: WorkoutHeader[];
  /** workouts the member deleted (absent from snapshots written before deleting existed) */
  deleted?: string[];
}

export class DataStore {
  private histories = new Map<string, MemberData>();
  private summaries = new Map<string, WorkoutSummary>();
  private seriesCache = new Map<string, Series>();
  private works = new Map<string, number>();
  private added = 0;
  private addedHeaders: WorkoutHeader[] = [];
  private deleted = new Set<string>();

  constructor(private readonly opts: { anchor: number; heavyCount: number; now: () => number }) {}

  snapshot(): DataSnapshot {
    return { anchor: this.opts.anchor, added: this.addedHeaders, deleted: [...this.deleted] };
  }

  /** The histories a snapshot saw (same anchor, so the same workout ids) and its added workouts, in order. */
  restore(snapshot: DataSnapshot): void {
    this.reset();
    this.opts.anchor = snapshot.anchor;
    for (const header of snapshot.added) {
      const member = MEMBERS.find((m) => m.key === header.memberKey);
      if (member) this.insert(this.memberData(member), header);
    }
    this.added = snapshot.added.length;
    for (const id of snapshot.deleted ?? []) this.deleteWorkout(id);
  }

  memberData(member: MemberSpec): MemberData {
    let data = this.histories.get(member.key);
    if (!data) {
      const history = generateHistory(member, { anchor: this.opts.anchor, heavyCount: this.opts.heavyCount });
      data = { member, workouts: history.headers, ftp: history.ftp };
      this.histories.set(member.key, data);
    }
    return data;
  }

  findWorkout(id: string): { data: MemberData; header: WorkoutHeader } | undefined {
    for (const member of MEMBERS) {
      const data = this.memberData(member);
      const header = data.workouts.find((w) => w.id === id);
      if (header) return { data, header };
    }
    return undefined;
  }

  series(header: WorkoutHeader): Series {
    const hit = this.seriesCache.get(header.id);
    if (hit) {
      this.seriesCache.delete(header.id);
      this.seriesCache.set(header.id, hit);
      return hit;
    }
    const data = this.histories.get(header.memberKey);
    if (!data) throw new Error(`member ${header.memberKey} not loaded`);
    const series = generateSeries(data.member, header);
    this.seriesCache.set(header.id, series);
    if (this.seriesCache.size > SERIES_CACHE_SIZE) {
      const oldest = this.seriesCache.keys().next();
      if (!oldest.done) this.seriesCache.delete(oldest.value);
    }
    return series;
  }

  /** Total work in joules; for rides this needs no simulation (samples are scaled to it). */
  totalWork(header: WorkoutHeader): number {
    let work = this.works.get(header.id);
    if (work === undefined) {
      const data = this.histories.get(header.memberKey);
      if (!data) throw new Error(`member ${header.memberKey} not loaded`);
      work =
        header.quirks.includes("noOutput") ? 0 : header.plan.discipline === "cycling" ? round(cyclingWork(data.member, header), 2) : this.summary(header).totalWork;
      this.works.set(header.id, work);
    }
    return work;
  }

  summary(header: WorkoutHeader): WorkoutSummary {
    let summary = this.summaries.get(header.id);
    if (!summary) {
      const data = this.histories.get(header.memberKey);
      if (!data) throw new Error(`member ${header.memberKey} not loaded`);
      // Bypass the LRU: bulk summaries (PR scans) would only churn it.
      summary = summarize(data.member, this.seriesCache.get(header.id) ?? generateSeries(data.member, header));
      if (header.plan.discipline === "cycling") summary.totalWork = this.totalWork(header);
      this.summaries.set(header.id, summary);
    }
    return summary;
  }

  addWorkout(member: MemberSpec, input: NewWorkoutInput = {}): WorkoutHeader {
    const data = this.memberData(member);
    const id = hexId(`workout:${member.key}:added:${++this.added}`);
    const rng = seededRandom(seedOf(id));
    const plans = catalog().all;
    let plan = input.rideId ? plans.find((p) => p.rideId === input.rideId) : undefined;
    if (!plan) {
      const kind = input.kind ?? "power_zone";
      const candidates = plans.filter((p) => p.kind === kind && (!input.durationMinutes || p.duration === input.durationMinutes * 60));
      plan = candidates[Math.floor(rng() * candidates.length)] ?? pickPlan(rng, kind);
    }
    const now = Math.floor(this.opts.now() / 1000);
    const createdAt = input.createdAt ?? now - plan.length - 120;
    const trueFtp = Math.round(member.endFtp * (0.98 + rng() * 0.04));
    const status = input.status ?? "COMPLETE";
    const header = withQuirks(buildHeader({ member, id, plan, createdAt, status, ftp: data.ftp, trueFtp, progress: 1, rng }), input.quirks ?? []);
    this.insert(data, header);
    return header;
  }

  /** The member deletes a workout on Peloton: it leaves the list and its endpoints answer 404. False if there was none. */
  deleteWorkout(id: string): boolean {
    const found = this.findWorkout(id);
    if (!found) return false;
    found.data.workouts = found.data.workouts.filter((w) => w.id !== id);
    this.addedHeaders = this.addedHeaders.filter((w) => w.id !== id);
    this.deleted.add(id);
    return true;
  }

  private insert(data: MemberData, header: WorkoutHeader): void {
    data.ftp = ftpAfter(data.member, header, data.ftp);
    data.workouts.push(header);
    data.workouts.sort((a, b) => a.createdAt - b.createdAt);
    this.addedHeaders.push(header);
  }

  reset(): void {
    this.histories.clear();
    this.summaries.clear();
    this.seriesCache.clear();
    this.works.clear();
    this.added = 0;
    this.addedHeaders = [];
    this.deleted.clear();
  }
}
