import { DEMO_CLIENT, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";

/**
 * Obtain real tokens from the TrainingPeaks simulator the way a browser would: open the consent
 * page, press Authorize for the chosen athlete, exchange the code. Used to seed integration tests.
 */
export const TEST_REDIRECT_URI = "http://localhost:3999/api/auth/callback/trainingpeaks";

export interface SimTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
}

export async function grantTokens(simUrl: string, athleteId: number, scope = DEMO_CLIENT.scopes.join(" ")): Promise<SimTokens> {
  const params = new URLSearchParams({ response_type: "code", client_id: DEMO_CLIENT.clientId, redirect_uri: TEST_REDIRECT_URI, scope, state: "test-state" });
  const page = await (await fetch(`${simUrl}/OAuth/Authorize?${params}`)).text();
  const nonce = /name="csrf_nonce" value="([^"]+)"/.exec(page)?.[1];
  if (!nonce) throw new Error("consent page has no csrf_nonce");
  const form = new URLSearchParams(params);
  form.set("csrf_nonce", nonce);
  form.set("athlete", String(athleteId));
  form.set("decision", "authorize");
  const consent = await fetch(`${simUrl}/OAuth/Authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  const code = new URL(consent.headers.get("location") ?? "http://x/").searchParams.get("code");
  if (!code) throw new Error(`no code in consent redirect (${consent.status})`);
  const token = await fetch(`${simUrl}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: TEST_REDIRECT_URI, client_id: DEMO_CLIENT.clientId, client_secret: DEMO_CLIENT.clientSecret }),
  });
  if (token.status !== 200) throw new Error(`token exchange failed: ${token.status}`);
  return (await token.json()) as SimTokens;
}

/**
 * Link an existing user to a simulator athlete the way sign-in leaves it: sealed tokens on the Account row and a
 * profile snapshot (unless `withProfile: false`: then the app fetches it live). `storedScope` lets a test record a
 * scope that differs from what the simulator granted.
 */
export async function linkTrainingPeaks(
  userId: string,
  simUrl: string,
  opts: { athleteId: number; scope?: string; storedScope?: string; timeZone?: string; withProfile?: boolean; expiresInSeconds?: number },
): Promise<SimTokens> {
  const { getDb } = await import("@/server/db/client");
  const { seal } = await import("@/server/crypto");
  const { tokenContext } = await import("@/server/providers/trainingpeaks/auth/config");
  const tokens = await grantTokens(simUrl, opts.athleteId, opts.scope);
  const db = await getDb();
  const id = String(opts.athleteId);
  await db.account.deleteMany({ where: { provider: "trainingpeaks", providerAccountId: id } });
  await db.account.create({
    data: {
      userId,
      type: "oauth",
      provider: "trainingpeaks",
      providerAccountId: id,
      access_token: seal(tokens.access_token, tokenContext(id, "access_token")),
      refresh_token: seal(tokens.refresh_token, tokenContext(id, "refresh_token")),
      expires_at: Math.floor(Date.now() / 1000) + (opts.expiresInSeconds ?? tokens.expires_in),
      scope: opts.storedScope ?? tokens.scope,
      token_type: "bearer",
    },
  });
  if (opts.withProfile === false) return tokens;
  await db.trainingPeaksProfile.upsert({
    where: { userId },
    create: { userId, athleteId: id, timeZone: opts.timeZone ?? "America/Denver", isPremium: true, ftpWatts: 265, fetchedAt: new Date() },
    update: {},
  });
  return tokens;
}

/** The TrainingPeaks simulator for one test file, quiet, accepting the test redirect URI, and wired into the app's env. */
export async function startTestTrainingPeaks(): Promise<TrainingPeaksSimulator> {
  const sim = await startTrainingPeaksSimulator({ quiet: true, redirectUris: [TEST_REDIRECT_URI] });
  process.env.TRAININGPEAKS_SIMULATOR_URL = sim.url;
  return sim;
}
