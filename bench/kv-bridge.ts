import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { z } from "zod";

const ready = z.object({ url: z.string(), token: z.string() });
const failed = z.object({ error: z.string() });
const stats = z.object({ stats: z.object({ single: z.number(), pipeline: z.number(), multiExec: z.number(), commands: z.number() }) });

export interface BenchKv {
  url: string;
  token: string;
  /** KV commands and HTTP round trips (single + pipeline + multi-exec requests) served so far. */
  counts(): Promise<{ commands: number; roundTrips: number }>;
  stop(): Promise<void>;
}

/** Starts bench/kv-bridge-process.ts (an Upstash REST bridge to Redis in its own process); null when Redis is unreachable. */
export async function startBenchKv(): Promise<BenchKv | null> {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["bench/kv-bridge-process.ts"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const [first]: unknown[] = await once(child, "message");
  const started = ready.safeParse(first);
  if (!started.success) {
    const reason = failed.safeParse(first);
    console.warn(`bench: no Redis for the KV (${reason.success ? reason.data.error : "bridge did not start"}); KV calls are not counted`);
    child.kill("SIGTERM");
    return null;
  }
  return {
    ...started.data,
    async counts() {
      const reply = once(child, "message");
      child.send("stats");
      const { stats: s } = stats.parse((await reply)[0]);
      return { commands: s.commands, roundTrips: s.single + s.pipeline + s.multiExec };
    },
    async stop() {
      const exited = once(child, "exit");
      child.send("stop");
      // tsx runs the script in a grandchild: if it does not pass "stop" on in time, end the wrapper.
      const timer = setTimeout(() => child.kill("SIGTERM"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
