import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signJwt, verifyJwt } from "./jwt";

const schema = z.object({ sub: z.string(), exp: z.number() });

describe("simulator JWTs", () => {
  it("round-trips claims and rejects tampering or another secret", () => {
    const token = signJwt({ sub: "abc", exp: 123 }, "s1");
    expect(verifyJwt(token, "s1", schema)).toEqual({ sub: "abc", exp: 123 });
    expect(verifyJwt(token, "s2", schema)).toBeUndefined();
    const [h, , sig] = token.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "evil", exp: 999 })).toString("base64url")}.${sig}`;
    expect(verifyJwt(forged, "s1", schema)).toBeUndefined();
    expect(verifyJwt("a.b", "s1", schema)).toBeUndefined();
  });
});
