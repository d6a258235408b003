import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/server/env-schema";
import { TrainingPeaks } from "./trainingpeaks-provider";

// next-auth's entry needs Next's runtime; the provider only takes its customFetch symbol from it.
vi.mock("next-auth", () => ({ customFetch: Symbol("customFetch") }));

const base = { clientId: "c", clientSecret: "s", oauthUrl: "http://localhost:4100", apiUrl: "http://localhost:4100", scopes: "athlete:profile" };

describe("TrainingPeaks sign-in checks", () => {
  it("use state only by default, PKCE and state when TRAININGPEAKS_PKCE is on", () => {
    expect(parseEnv({}).trainingPeaks.pkce).toBe(false);
    expect(TrainingPeaks({ ...base, pkce: parseEnv({}).trainingPeaks.pkce }).checks).toEqual(["state"]);
    expect(parseEnv({ TRAININGPEAKS_PKCE: "true" }).trainingPeaks.pkce).toBe(true);
    expect(TrainingPeaks({ ...base, pkce: true }).checks).toEqual(["pkce", "state"]);
  });
});
