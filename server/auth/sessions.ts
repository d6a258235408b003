import "server-only";
import { createHash } from "node:crypto";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { getDb, type Db } from "@/server/db/client";
import { audit } from "./audit";

/**
 * Database sessions, hardened (docs/security.md): the cookie's token is stored only as its SHA-256, so a leaked
 * database or backup holds no usable session; a session slides by SESSION_IDLE_SECONDS on use but ends
 * SESSION_ABSOLUTE_SECONDS after sign-in whatever happens; and a user can end every session at once.
 */
export const SESSION_IDLE_SECONDS = 14 * 24 * 3600;
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 3600;

export const hashSessionToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function absoluteEnd(createdAt: Date): Date {
  return new Date(createdAt.getTime() + SESSION_ABSOLUTE_SECONDS * 1000);
}

const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

type SessionMethods = Required<Pick<Adapter, "createSession" | "getSessionAndUser" | "updateSession" | "deleteSession">>;

/** The adapter's session methods over hashed tokens; Auth.js keeps seeing (and setting in the cookie) the raw one. */
export function hashedSessionMethods(db: Db, now: () => Date = () => new Date()): SessionMethods {
  return {
    async createSession({ sessionToken, userId, expires }) {
      const createdAt = now();
      const row = await db.session.create({ data: { sessionToken: hashSessionToken(sessionToken), userId, expires: earliest(expires, absoluteEnd(createdAt)), createdAt } });
      return { sessionToken, userId: row.userId, expires: row.expires };
    },
    async getSessionAndUser(sessionToken) {
      const hashed = hashSessionToken(sessionToken);
      const row = await db.session.findUnique({ where: { sessionToken: hashed }, include: { user: true } });
      if (!row) return null;
      if (absoluteEnd(row.createdAt) <= now() || row.expires <= now()) {
        await db.session.deleteMany({ where: { sessionToken: hashed } });
        return null;
      }
      const { user, ...session } = row;
      // The same row @auth/prisma-adapter returns; its type says email is a string, ours may be null (no e-mail at TP).
      return { session: { sessionToken, userId: session.userId, expires: session.expires }, user: user as AdapterUser };
    },
    async updateSession({ sessionToken, expires }) {
      const hashed = hashSessionToken(sessionToken);
      const row = await db.session.findUnique({ where: { sessionToken: hashed } });
      if (!row) return null;
      const capped = expires ? earliest(expires, absoluteEnd(row.createdAt)) : row.expires;
      const updated = await db.session.update({ where: { sessionToken: hashed }, data: { expires: capped } });
      return { sessionToken, userId: updated.userId, expires: updated.expires } satisfies AdapterSession;
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken: hashSessionToken(sessionToken) } });
    },
  };
}

/** "Sign out everywhere": every session of the user ends, on every device. Returns how many there were. */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/** The "Sign out everywhere" button (actions/session.ts): ends every session and says so in the audit log. */
export async function signOutEverywhere(userId: string): Promise<number> {
  const count = await endAllSessions(await getDb(), userId);
  await audit("auth.sign_out_everywhere", { userId, outcome: "ok", count });
  return count;
}
