/**
 * A signed-in browser for the benchmarks: a session for the seeded rider made by the app's own session
 * adapter (server/auth/sessions.ts stores only the token's SHA-256), so the cookie works exactly as after a
 * real sign-in. Returns the `Cookie` header value.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../server/db/client";
import { hashedSessionMethods } from "../server/auth/sessions";

export async function benchSessionCookie(prisma: Db, userId: string, hours = 6): Promise<string> {
  const sessionToken = randomBytes(24).toString("hex");
  await hashedSessionMethods(prisma).createSession({ sessionToken, userId, expires: new Date(Date.now() + hours * 3600_000) });
  return `authjs.session-token=${sessionToken}`;
}

/** Throws when a signed-in page answers with the sign-in page instead: a benchmark of the wrong page is worse than none. */
export async function assertSignedIn(base: string, cookie: string, path = "/dashboard"): Promise<void> {
  const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const location = res.headers.get("location") ?? "";
  if (res.status >= 300 || location.includes("/signin")) throw new Error(`the bench session does not sign in: ${path} answered ${res.status} ${location}`);
}
