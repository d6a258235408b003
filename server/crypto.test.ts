import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, needsReseal, openWith, sealWith } from "./crypto";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };

describe("sealing", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = sealWith([k1], "refresh-token-value", "ctx");
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain("refresh-token-value");
    expect(openWith([k1], sealed, "ctx")).toBe("refresh-token-value");
  });

  it("uses a fresh IV each time", () => {
    expect(sealWith([k1], "same")).not.toBe(sealWith([k1], "same"));
  });

  it("rejects a value moved to another context", () => {
    const sealed = sealWith([k1], "secret", "account:a:access_token");
    expect(() => openWith([k1], sealed, "account:b:access_token")).toThrow(expect.objectContaining({ code: "crypto.unsealable" }));
  });

  it("rejects tampering", () => {
    const sealed = sealWith([k1], "secret");
    const flipped = sealed.slice(0, -2) + (sealed.endsWith("A") ? "B" : "A") + sealed.slice(-1);
    expect(() => openWith([k1], flipped)).toThrow(expect.objectContaining({ code: "crypto.unsealable" }));
  });

  it("rotates: new key seals, old key still opens, needsReseal flags old values", () => {
    const old = sealWith([k1], "v");
    const keys = [k2, k1];
    expect(openWith(keys, old)).toBe("v");
    expect(needsReseal(keys, old)).toBe(true);
    const fresh = sealWith(keys, "v");
    expect(needsReseal(keys, fresh)).toBe(false);
    expect(fresh.startsWith("sealed:v1:k2:")).toBe(true);
  });

  it("explains a missing key id", () => {
    const sealed = sealWith([k1], "v");
    expect(() => openWith([k2], sealed)).toThrow(/not in SEALING_KEYS/);
  });
});
