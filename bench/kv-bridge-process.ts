/**
 * The benchmark's KV (child process): an Upstash REST bridge to a real Redis (the production protocol), run in its own process so
 * its CPU is not counted against the sync. Started by bench/kv-bridge.ts over IPC: it sends `{ url, token }` once ready
 * answers "stats" with the requests and commands served so far, and exits on "stop". BENCH_REDIS_URL picks the Redis (default: a
 * database of its own on 127.0.0.1:6379, so other users of that Redis are not disturbed).
 */
import { RespClient } from "../test/resp-client";
import { startUpstashBridge } from "../test/upstash-bridge";

async function main() {
  const redis = await RespClient.connect(process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/13");
  const bridge = await startUpstashBridge({ redis });
  process.on("message", (message) => {
    if (message === "stats") process.send?.({ stats: { ...bridge.requests } });
    if (message === "stop") void bridge.close().finally(() => redis.close().finally(() => process.exit(0)));
  });
  process.send?.({ url: bridge.url, token: bridge.token });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
