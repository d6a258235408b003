import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseActionRequest } from "./action-request";

function action(body: string, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost:3145/settings", {
    method: "POST",
    body,
    headers: { host: "localhost:3145", origin: "http://localhost:3145", "next-action": "abc123", "content-type": "text/plain;charset=UTF-8", ...headers },
  });
}

describe("refuseActionRequest", () => {
  it("lets our own well-formed action through, and anything that is not a POST", async () => {
    expect(await refuseActionRequest(action('["x",{"a":1}]'))).toBeNull();
    expect(await refuseActionRequest(new Request("http://localhost:3145/settings"))).toBeNull();
  });

  it("403 for an action posted from another site", async () => {
    expect(await refuseActionRequest(action("[]", { origin: "https://evil.example" }))).toMatchObject({ status: 403, message: "This action can only be sent from AutoCoach's own pages." });
  });

  it("413 for a declared body over the limit", async () => {
    const big = action("[]", { "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) });
    expect(await refuseActionRequest(big)).toMatchObject({ status: 413, code: "input.too_large", message: expect.stringMatching(/larger than 256 KB/) });
  });

  it("400 for a body Next could not decode", async () => {
    expect(await refuseActionRequest(action("{not json"))).toMatchObject({ status: 400, code: "input.invalid" });
    expect(await refuseActionRequest(action('{"an":"object"}'))).toMatchObject({ status: 400 });
    expect(await refuseActionRequest(action("--x\r\nbroken", { "content-type": "multipart/form-data; boundary=x" }))).toMatchObject({ status: 400 });
  });
});
