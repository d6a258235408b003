import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, providerError } from "@/lib/errors/app-error";
import { toFailure } from "./errors";

describe("toFailure", () => {
  afterEach(() => vi.restoreAllMocks());

  it("passes a user-facing error through with its code, status, fields and wait", () => {
    expect(toFailure(new AppError("input.invalid", { message: "ftp: must be at least 50 W", fields: { ftp: "must be at least 50 W" } }), { name: "t" })).toEqual({
      status: 400,
      failure: { ok: false, code: "input.invalid", message: "ftp: must be at least 50 W", fields: { ftp: "must be at least 50 W" } },
    });
    expect(toFailure(providerError("trainingpeaks", "rate_limited", "TrainingPeaks is rate limiting requests. Try again in 2 minutes.", { retryAfterSeconds: 120 }), { name: "t" })).toEqual({
      status: 429,
      failure: { ok: false, code: "trainingpeaks.rate_limited", message: "TrainingPeaks is rate limiting requests. Try again in 2 minutes.", retryAfterSeconds: 120 },
    });
  });

  it("never shows an unexpected error's own text: a generic message with a reference that is in the log", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const { status, failure } = toFailure(new RangeError("Invalid day 2026-13-45 at /var/lib/secret-path"), { name: "history.list", userId: "u1" });
    expect(status).toBe(500);
    expect(failure.code).toBe("internal");
    expect(failure.message).not.toMatch(/Invalid day|secret-path/);
    expect(failure.ref).toMatch(/^[0-9A-F]{8}$/);
    expect(failure.message).toContain(failure.ref);
    const logged = lines.map((l) => JSON.parse(l) as { event: string; ref?: string; error?: { message?: string } }).find((l) => l.event === "history.list.failed");
    expect(logged).toMatchObject({ ref: failure.ref, error: { message: expect.stringContaining("Invalid day") } });
  });

  it("treats our own failures (not exposed) like unexpected ones, keeping their code", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { status, failure } = toFailure(new AppError("crypto.unsealable", { message: 'Sealed with key "k9", which is not in SEALING_KEYS.' }), { name: "t" });
    expect(status).toBe(500);
    expect(failure).toMatchObject({ code: "crypto.unsealable", ref: expect.any(String) });
    expect(failure.message).not.toContain("SEALING_KEYS");
  });
});
