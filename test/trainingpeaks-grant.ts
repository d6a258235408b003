import { DEMO_CLIENT } from "@/sandbox/trainingpeaks/server";

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
