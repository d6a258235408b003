import { isRunning, type SyncKind, type SyncProgress } from "@/lib/domain/sync";

/** The part of an action's result the driver reads (every server action answers in this shape). */
type Result<T> = { ok: true; data: T } | { ok: false; message: string };

export interface StepAnswer {
  progress: SyncProgress | null;
  /** false once the job finished, paused or stopped: no step is waiting */
  more: boolean;
  /** another driver (a second tab, the schedule) holds the job right now */
  busy: boolean;
}

export interface SyncActions {
  start(kind: SyncKind): Promise<Result<SyncProgress>>;
  step(): Promise<Result<StepAnswer>>;
  cancel(): Promise<Result<SyncProgress | null>>;
  resume(): Promise<Result<SyncProgress | null>>;
}

export interface SyncDriverState {
  progress: SyncProgress | null;
  error: string | null;
  /** a step loop is running in this page */
  driving: boolean;
  /** a start, cancel or resume the server has not answered yet */
  pending: "start" | "cancel" | "resume" | null;
}

export interface SyncDriverOptions {
  actions: SyncActions;
  initial: SyncProgress | null;
  /** re-render the server parts of the page, so newly synced workouts show up */
  refresh: () => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const BUSY_WAIT_MS = 1_500;
const REFRESH_EVERY_MS = 10_000;
const UNREACHABLE = "AutoCoach did not answer. Check your connection and try again.";

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function call<T>(action: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await action();
  } catch {
    // A server action rejects only when the request itself failed (offline, or the server crashed).
    return { ok: false, message: UNREACHABLE };
  }
}

/**
 * The browser's sync driver, apart from React so its loop can be tested: one server action per bounded step, in a
 * loop, until the job has no more work, with a pause while another driver holds the job. Stopping bumps the
 * generation: a step already in flight finishes on the server, but its answer is dropped, so a cancel shows at once.
 */
export function createSyncDriver({ actions, initial, refresh, sleep = wait, now = Date.now }: SyncDriverOptions) {
  let state: SyncDriverState = { progress: initial, error: null, driving: false, pending: null };
  const listeners = new Set<() => void>();
  let generation = 0;
  let loop: Promise<void> | null = null;
  let attached = false;

  const set = (patch: Partial<SyncDriverState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  async function run(gen: number): Promise<void> {
    set({ driving: true, error: null });
    let lastRefresh = now();
    try {
      while (gen === generation) {
        const r = await call(actions.step);
        if (gen !== generation) break;
        if (!r.ok) {
          set({ error: r.message });
          break;
        }
        if (r.data.progress) set({ progress: r.data.progress });
        if (now() - lastRefresh > REFRESH_EVERY_MS) {
          refresh();
          lastRefresh = now();
        }
        if (!r.data.more) break;
        if (r.data.busy) await sleep(BUSY_WAIT_MS);
      }
    } finally {
      set({ driving: false });
      if (attached) refresh();
    }
  }

  /** Start the loop; a loop still finishing its last step is let go first, so two never run at once. */
  async function drive(): Promise<void> {
    const gen = ++generation;
    while (loop) await loop;
    if (gen !== generation) return;
    loop = run(gen).finally(() => {
      loop = null;
    });
    await loop;
  }

  async function begin(kind: "start" | "resume", action: () => Promise<Result<SyncProgress | null>>): Promise<void> {
    set({ error: null, pending: kind });
    const r = await call(action);
    set({ pending: null });
    if (!r.ok) return set({ error: r.message });
    set({ progress: r.data });
    await drive();
  }

  return {
    getState: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Mounted: continue a job that is still running (after a reload, the job and its cursor live in the database). */
    attach(): Promise<void> {
      attached = true;
      return state.progress && isRunning(state.progress.phase) ? drive() : Promise.resolve();
    },
    /** Unmounted: no further steps. */
    detach(): void {
      attached = false;
      generation++;
    },
    start: (kind: SyncKind) => begin("start", () => actions.start(kind)),
    resume: () => begin("resume", actions.resume),
    /** After the loop stopped on an error while the job is still running. */
    retry: () => drive(),
    async cancel(): Promise<void> {
      generation++;
      const before = state.progress;
      // Server actions from one page run one after another, so the cancel waits for the step in flight:
      // show its effect now, and the server's own answer when it comes.
      set({ pending: "cancel", driving: false, error: null, progress: before && { ...before, phase: "cancelled" } });
      const r = await call(actions.cancel);
      if (r.ok) set({ pending: null, progress: r.data });
      else set({ pending: null, progress: before, error: r.message });
    },
  };
}

export type SyncDriver = ReturnType<typeof createSyncDriver>;

/** What the controls follow: a job runs while this page drives it or the server says it runs. */
export function describeDriver(state: SyncDriverState): { running: boolean; canRetry: boolean } {
  const running = state.driving || (state.progress !== null && isRunning(state.progress.phase));
  // The loop stopped on an error while the job still has work: offer to carry on.
  return { running, canRetry: running && !state.driving && state.error !== null && state.pending === null };
}
