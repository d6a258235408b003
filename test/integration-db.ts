import { afterAll, beforeAll } from "vitest";
import { createPgliteDatabase, createPostgresDatabase, ensureTestSecrets } from "./databases";
import { postgresUrl } from "./services";

/**
 * A fresh, migrated database for one integration test file, applied through the same migration SQL
 * that production runs: PGlite in a temp folder by default, or a new database on the PostgreSQL
 * server in TEST_DATABASE_URL (the production adapter path). Sets DATABASE_URL before any app code
 * reads the environment.
 */
export function setupTestDatabase(): { kind: () => "pglite" | "postgresql" } {
  let drop: (() => Promise<void>) | undefined;
  const server = postgresUrl();
  beforeAll(async () => {
    ensureTestSecrets();
    const db = server ? await createPostgresDatabase(server) : await createPgliteDatabase();
    drop = db.drop;
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    const { closeDb } = await import("@/server/db/client");
    await closeDb();
    await drop?.();
  });
  return { kind: () => (server ? "postgresql" : "pglite") };
}
