import "server-only";
import path from "node:path";
import { PrismaClient } from "@/server/db/generated/prisma/client";
import { getEnv } from "@/server/env";

export type Db = InstanceType<typeof PrismaClient>;

interface DbHandle {
  prisma: Db;
  close: () => Promise<void>;
}

/**
 * One Prisma client per process, with the driver adapter chosen from DATABASE_URL:
 * `pglite:<folder>` / `pglite:memory` → embedded PGlite; `postgresql://…` → @prisma/adapter-pg.
 */
export async function createDb(url: string): Promise<DbHandle> {
  if (url.startsWith("pglite:")) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = url.slice("pglite:".length);
    const pglite = dir === "memory" || dir === "" ? new PGlite() : new PGlite(path.resolve(dir));
    await pglite.waitReady;
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return { prisma, close: () => prisma.$disconnect() };
}

const globalForDb = globalThis as unknown as { autocoachDb?: Promise<DbHandle> };

/** The shared client (kept on globalThis so dev hot reloads don't open a second PGlite on the same folder). */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.autocoachDb ??= createDb(getEnv().databaseUrl);
  return globalForDb.autocoachDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).prisma;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.autocoachDb;
  globalForDb.autocoachDb = undefined;
  if (handle) await (await handle).close();
}
