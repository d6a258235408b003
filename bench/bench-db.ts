import { randomBytes } from "node:crypto";
import { createPgliteDatabase, createPostgresDatabase } from "../test/databases";

/**
 * A throwaway, migrated database for a benchmark: a new database on PostgreSQL (BENCH_DATABASE_URL, or
 * 127.0.0.1:5432 when reachable — the production path), else embedded PGlite in a temp folder.
 */
export async function openBenchDatabase(): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  try {
    return { ...(await createPostgresDatabase(server, "autocoach_bench")), label: "PostgreSQL (adapter-pg)" };
  } catch {
    return { ...(await createPgliteDatabase()), label: "embedded PGlite (no PostgreSQL server reachable)" };
  }
}

/** Points the server modules this process imports next at a bench database, with fresh secrets and quiet logs. */
export function setBenchServerEnv(databaseUrl: string): void {
  process.env.DATABASE_URL = databaseUrl;
  process.env.SEALING_KEYS = `bench:${randomBytes(32).toString("base64")}`;
  process.env.AUTH_SECRET = randomBytes(32).toString("base64");
  process.env.LOG_LEVEL = "error";
}
