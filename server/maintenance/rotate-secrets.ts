import "server-only";
import { needsReseal, openWith, sealWith, type SealingKey } from "@/server/crypto";
import type { Db } from "@/server/db/client";
import { sealContext } from "@/server/providers/peloton/connection";
import { tokenContext } from "@/server/providers/trainingpeaks/auth/config";

/** Reseal every secret at rest with the newest key (keys[0]); values already on it are left alone. */
export async function rotateSealedSecrets(db: Db, keys: SealingKey[]): Promise<{ accounts: number; connections: number }> {
  const reseal = (value: string | null, context: string): string | null =>
    value && needsReseal(keys, value) ? sealWith(keys, openWith(keys, value, context), context) : null;
  let accounts = 0;
  let connections = 0;
  for (const a of await db.account.findMany({ where: { provider: "trainingpeaks" } })) {
    const access = reseal(a.access_token, tokenContext(a.providerAccountId, "access_token"));
    const refresh = reseal(a.refresh_token, tokenContext(a.providerAccountId, "refresh_token"));
    if (!access && !refresh) continue;
    await db.account.update({
      where: { provider_providerAccountId: { provider: a.provider, providerAccountId: a.providerAccountId } },
      data: { ...(access ? { access_token: access } : {}), ...(refresh ? { refresh_token: refresh } : {}) },
    });
    accounts += 1;
  }
  for (const c of await db.pelotonConnection.findMany()) {
    const data = {
      accessToken: reseal(c.accessToken, sealContext(c.id, "access")),
      refreshToken: reseal(c.refreshToken, sealContext(c.id, "refresh")),
      password: reseal(c.password, sealContext(c.id, "password")),
    };
    const changed = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
    if (!Object.keys(changed).length) continue;
    await db.pelotonConnection.update({ where: { id: c.id }, data: changed });
    connections += 1;
  }
  return { accounts, connections };
}
