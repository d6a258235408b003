import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Fresh databases migrated with the SQL production runs: PGlite in a temp folder, or a new database on a PostgreSQL
 * server. No test framework here: the benchmarks use these too, and a bench process should hold what the app holds.
 */
export function migrationSql(): string[] {
  const dir = path.resolve("prisma/migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

export function ensureTestSecrets(): void {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64");
  process.env.SEALING_KEYS ??= `test:${randomBytes(32).toString("base64")}`;
  process.env.LOG_LEVEL ??= "silent";
}

export async function createPgliteDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "autocoach-test-"));
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = new PGlite(dir);
  for (const sql of migrationSql()) await pg.exec(sql);
  await pg.close();
  return { url: `pglite:${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function createPostgresDatabase(serverUrl: string, prefix = "autocoach_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const { Client } = await import("pg");
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  for (const sql of migrationSql()) await client.query(sql);
  await client.end();
  return {
    url: url.toString(),
    drop: async () => {
      const a = new Client({ connectionString: serverUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

