import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationSql } from "../test/integration-db";

/**
 * A throwaway, migrated database for a benchmark: a new database on PostgreSQL (BENCH_DATABASE_URL, or
 * 127.0.0.1:5432 when reachable — the production path), else embedded PGlite in a temp folder.
 */
export async function openBenchDatabase(): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  try {
    const { Client } = await import("pg");
    const admin = new Client({ connectionString: server, connectionTimeoutMillis: 2000 });
    await admin.connect();
    const name = `autocoach_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    for (const sql of migrationSql()) await client.query(sql);
    await client.end();
    return {
      url: url.toString(),
      label: "PostgreSQL (adapter-pg)",
      drop: async () => {
        const a = new Client({ connectionString: server });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  } catch {
    const dir = mkdtempSync(path.join(os.tmpdir(), "autocoach-bench-"));
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = new PGlite(dir);
    for (const sql of migrationSql()) await pg.exec(sql);
    await pg.close();
    return { url: `pglite:${dir}`, label: "embedded PGlite (no PostgreSQL server reachable)", drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
}
