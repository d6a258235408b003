import { existsSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/server/env";

/** Command-line tools and the app's embedded database: PGlite allows one process per data folder. */

/** Why a CLI must not open the database right now, or null when it may. `alternative` is advice for the running-app case. */
export async function embeddedDbProblem(alternative?: string): Promise<string | null> {
  const env = getEnv();
  if (!env.databaseUrl.startsWith("pglite:")) return null;
  const dir = env.databaseUrl.slice("pglite:".length);
  // Opening a missing folder would create an empty, unmigrated database there.
  if (dir !== "" && dir !== "memory" && !existsSync(path.join(path.resolve(dir), "PG_VERSION"))) {
    return `There is no database at ${env.databaseUrl} yet (start the app once, or point DATABASE_URL at PostgreSQL).`;
  }
  const app = await fetch(`${env.appUrl}/signin`, { signal: AbortSignal.timeout(1500) }).then(
    async (res) => {
      await res.body?.cancel();
      return true;
    },
    () => false,
  );
  return app
    ? `The app is running at ${env.appUrl} and owns the embedded database (${env.databaseUrl}). Stop it first, ${alternative ? `${alternative}, ` : ""}or point DATABASE_URL at PostgreSQL.`
    : null;
}
