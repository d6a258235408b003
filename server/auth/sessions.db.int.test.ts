import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";
import type { Db } from "@/server/db/client";
import { endAllSessions, hashedSessionMethods, hashSessionToken, SESSION_ABSOLUTE_SECONDS } from "./sessions";

setupTestDatabase();
let db: Db;
let userId = "";
const DAY = 86_400_000;

beforeAll(async () => {
  const { getDb } = await import("@/server/db/client");
  db = await getDb();
  userId = (await db.user.create({ data: { name: "S" } })).id;
});

const token = () => randomBytes(32).toString("hex");

describe("hashed database sessions", () => {
  it("store only the token's SHA-256; the raw token finds the session, the stored value does not", async () => {
    const sessions = hashedSessionMethods(db);
    const raw = token();
    const created = await sessions.createSession({ sessionToken: raw, userId, expires: new Date(Date.now() + 14 * DAY) });
    expect(created.sessionToken).toBe(raw);
    const rows = await db.session.findMany({ where: { userId } });
    expect(rows.map((r) => r.sessionToken)).toEqual([hashSessionToken(raw)]);
    expect(rows.some((r) => r.sessionToken === raw)).toBe(false);
    expect(await sessions.getSessionAndUser(raw)).toMatchObject({ session: { sessionToken: raw, userId }, user: { id: userId } });
    expect(await sessions.getSessionAndUser(hashSessionToken(raw))).toBeNull();
    await sessions.deleteSession(raw);
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  it("end 30 days after sign-in however often they slide", async () => {
    const start = Date.now();
    let clock = start;
    const sessions = hashedSessionMethods(db, () => new Date(clock));
    const raw = token();
    await sessions.createSession({ sessionToken: raw, userId, expires: new Date(start + 14 * DAY) });
    clock = start + 20 * DAY;
    const slid = await sessions.updateSession({ sessionToken: raw, expires: new Date(clock + 14 * DAY) });
    expect(slid?.expires.getTime()).toBe(start + SESSION_ABSOLUTE_SECONDS * 1000);
    clock = start + 29 * DAY;
    expect(await sessions.getSessionAndUser(raw)).not.toBeNull();
    clock = start + 30 * DAY + 1000;
    expect(await sessions.getSessionAndUser(raw)).toBeNull();
    expect(await db.session.count({ where: { sessionToken: hashSessionToken(raw) } })).toBe(0);
  });

  it("sign out everywhere ends every session of the user and nobody else's", async () => {
    const sessions = hashedSessionMethods(db);
    const other = (await db.user.create({ data: { name: "Other" } })).id;
    const mine = [token(), token(), token()];
    for (const t of mine) await sessions.createSession({ sessionToken: t, userId, expires: new Date(Date.now() + DAY) });
    const theirs = token();
    await sessions.createSession({ sessionToken: theirs, userId: other, expires: new Date(Date.now() + DAY) });
    expect(await endAllSessions(db, userId)).toBe(3);
    for (const t of mine) expect(await sessions.getSessionAndUser(t)).toBeNull();
    expect(await sessions.getSessionAndUser(theirs)).not.toBeNull();
  });

  it("the migration hashes sessions stored before exactly as the app does, so nobody is signed out", async () => {
    const raw = token();
    await db.session.create({ data: { sessionToken: raw, userId, expires: new Date(Date.now() + DAY) } });
    const sql = readFileSync("prisma/migrations/20261203101500_hash_session_tokens/migration.sql", "utf8");
    for (const statement of sql.split(";").map((s) => s.replace(/--.*$/gm, "").trim()).filter(Boolean)) await db.$executeRawUnsafe(statement);
    expect(await hashedSessionMethods(db).getSessionAndUser(raw)).toMatchObject({ session: { userId } });
  });
});
