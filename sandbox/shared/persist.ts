import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A simulator's state kept in one JSON file under a state directory (the demo's `.data/simulators/`), so a restart
 * keeps tokens, uploads and added workouts. Loaded once at start; written (atomically, only when it changed) shortly
 * after each request that may have changed it. Without a state directory nothing is read or written: tests stay in
 * memory.
 */
export interface PersistedState {
  /** Call after anything that may have changed the state; writes at most every `delayMs`. */
  changed(): void;
  /** Write now (on close). */
  flush(): void;
}

export function persistState<T>(opts: {
  dir: string | undefined;
  name: string;
  snapshot: () => T;
  restore: (state: T) => void;
  log?: (message: string) => void;
  delayMs?: number;
}): PersistedState {
  if (!opts.dir) return { changed: () => {}, flush: () => {} };
  const file = path.join(opts.dir, `${opts.name}.json`);
  let written = "";
  if (existsSync(file)) {
    try {
      written = readFileSync(file, "utf8");
      opts.restore(JSON.parse(written) as T);
      opts.log?.(`state restored from ${file}`);
    } catch (error) {
      // a corrupt or outdated file: start fresh rather than refuse to start
      written = "";
      opts.log?.(`state in ${file} ignored (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const text = JSON.stringify(opts.snapshot());
    if (text === written) return;
    mkdirSync(opts.dir as string, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
    written = text;
  };
  return {
    changed: () => {
      timer ??= setTimeout(flush, opts.delayMs ?? 250);
      timer.unref();
    },
    flush,
  };
}
