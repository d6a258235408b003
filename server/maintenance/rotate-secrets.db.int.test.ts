import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";

setupTestDatabase();

describe("key rotation", () => {
  it("reseals tokens and passwords with the newest key, readable afterwards, idempotent", async () => {
    const { getDb } = await import("@/server/db/client");
    const { sealWith, openWith } = await import("@/server/crypto");
    const { tokenContext } = await import("@/server/providers/trainingpeaks/auth/config");
    const { sealContext } = await import("@/server/providers/peloton/connection");
    const { rotateSealedSecrets } = await import("./rotate-secrets");
    const oldKey = { id: "old", key: randomBytes(32) };
    const newKey = { id: "new", key: randomBytes(32) };
    const db = await getDb();
    const user = await db.user.create({ data: { name: "r" } });
    await db.account.create({
      data: {
        userId: user.id, type: "oauth", provider: "trainingpeaks", providerAccountId: "42",
        access_token: sealWith([oldKey], "AT", tokenContext("42", "access_token")),
        refresh_token: sealWith([oldKey], "RT", tokenContext("42", "refresh_token")),
      },
    });
    await db.pelotonConnection.create({
      data: {
        id: "conn1", userId: user.id, pelotonUserId: "p", loginEmail: "e@example.com",
        accessToken: sealWith([oldKey], "PAT", sealContext("conn1", "access")),
        refreshToken: sealWith([oldKey], "PRT", sealContext("conn1", "refresh")),
        password: sealWith([oldKey], "pw", sealContext("conn1", "password")),
      },
    });
    expect(await rotateSealedSecrets(db, [newKey, oldKey])).toEqual({ accounts: 1, connections: 1 });
    const a = await db.account.findFirstOrThrow({ where: { providerAccountId: "42" } });
    const c = await db.pelotonConnection.findUniqueOrThrow({ where: { id: "conn1" } });
    for (const v of [a.access_token, a.refresh_token, c.accessToken, c.refreshToken, c.password]) expect(v).toMatch(/^sealed:v1:new:/);
    // readable with the new key alone
    expect(openWith([newKey], a.refresh_token!, tokenContext("42", "refresh_token"))).toBe("RT");
    expect(openWith([newKey], c.password!, sealContext("conn1", "password"))).toBe("pw");
    expect(await rotateSealedSecrets(db, [newKey, oldKey])).toEqual({ accounts: 0, connections: 0 });
  });
});
