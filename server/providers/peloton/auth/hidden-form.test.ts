import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hiddenFormPage } from "@/sandbox/peloton/auth/pages";
import { decodeHtmlEntities, formField, looksLikeVerificationPage, parseAttributes, parseHiddenForm, parseInjectedConfig } from "./hidden-form";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../__fixtures__", name), "utf8");
const expected = z
  .object({ wresult: z.string(), wctx: z.record(z.string(), z.unknown()), txn: z.string() })
  .parse(JSON.parse(fixture("hidden-form.expected.json")));

describe("decodeHtmlEntities", () => {
  it("decodes named, decimal and hex references", () => {
    expect(decodeHtmlEntities("&#34;a&#34;:&quot;b&quot; &amp;&amp; &lt;x&gt; &#x22;&#X27;&#39; &apos;")).toBe(`"a":"b" && <x> "'' '`);
    expect(decodeHtmlEntities("&amp;quot;")).toBe("&quot;");
    expect(decodeHtmlEntities("&unknown; & &#0; &#x110000;")).toBe("&unknown; & \ufffd \ufffd");
    expect(decodeHtmlEntities("&#128512;")).toBe("😀");
  });
});

describe("parseHiddenForm", () => {
  it("reads the Auth0 hiddenform built as docs/peloton-api.md §2.4 describes, with an entity-encoded wctx", () => {
    // The page the simulator answers a good login with, for the recorded values.
    const html = hiddenFormPage("https://auth.onepeloton.com/login/callback", { wa: "wsignin1.0", wresult: expected.wresult, wctx: JSON.stringify(expected.wctx) });
    expect(html).toContain('value="{&#34;strategy&#34;:&#34;auth0&#34;');
    const form = parseHiddenForm(html, "https://auth.onepeloton.com/usernamepassword/login");
    expect(form).toBeDefined();
    if (!form) return;
    expect(form.action).toBe("https://auth.onepeloton.com/login/callback");
    expect(form.method).toBe("POST");
    expect(form.fields.map(([name]) => name)).toEqual(["wa", "wresult", "wctx"]);
    expect(formField(form, "wa")).toBe("wsignin1.0");
    expect(formField(form, "wresult")).toBe(expected.wresult);
    const wctx: unknown = JSON.parse(formField(form, "wctx") ?? "");
    expect(wctx).toEqual(expected.wctx);
  });

  it("resolves relative actions, handles quoting styles and '>' inside values", () => {
    const html = `<p>intro</p><FORM name=x action='/login/callback' METHOD=post>
      <input type=hidden name=wa value=wsignin1.0>
      <input value="a>b&amp;c" name="wresult" type="HIDDEN"/>
      <input type="text" name="visible" value="no">
      <input type="hidden" value="nameless">
    </FORM><form action="/second"><input type="hidden" name="z" value="1"></form>`;
    const form = parseHiddenForm(html, "http://localhost:4010/usernamepassword/login");
    expect(form?.action).toBe("http://localhost:4010/login/callback");
    expect(form?.method).toBe("POST");
    expect(form?.fields).toEqual([
      ["wa", "wsignin1.0"],
      ["wresult", "a>b&c"],
    ]);
  });

  it("returns undefined without a form and defaults method to GET", () => {
    expect(parseHiddenForm("<html><body>Verify your identity</body></html>", "https://a.example/")).toBeUndefined();
    expect(parseHiddenForm("<form><input type=hidden name=a value=1>", "https://a.example/x")?.method).toBe("GET");
    expect(parseHiddenForm("<form action='http://[bad'>", "https://a.example/x")?.action).toBeNull();
  });

  it("keeps the first of duplicated attributes, as HTML does", () => {
    expect(parseAttributes('<input name="a" name="b" data-x=\'1\' disabled>')).toEqual(
      new Map([
        ["name", "a"],
        ["data-x", "1"],
        ["disabled", ""],
      ]),
    );
  });
});

describe("parseInjectedConfig", () => {
  it("decodes the base64 JSON of the login page (docs/peloton-api.md §2.3)", () => {
    const result = parseInjectedConfig(fixture("login-page.html"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state).toBe(expected.txn);
    expect(result.csrf).toBe("PageCsrfToken-xyz");
    expect(result.config.auth0Tenant).toBe("peloton-prod");
    expect(result.config.internalOptions?.code_challenge).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    expect(result.config["prompt"]).toBe("Log in to continue — “Peloton”");
  });

  it("accepts the plain assignment form and single quotes", () => {
    const encoded = Buffer.from(JSON.stringify({ internalOptions: { state: "T", _csrf: "C" } })).toString("base64");
    expect(parseInjectedConfig(`window.injectedConfig = '${encoded}';`)).toMatchObject({ ok: true, state: "T", csrf: "C" });
  });

  it("says what is wrong with a page that changed", () => {
    expect(parseInjectedConfig("<html>no config</html>")).toEqual({ ok: false, reason: "missing" });
    expect(parseInjectedConfig('window.injectedConfig = window.injectedConfig || "bm90IGpzb24=";')).toEqual({ ok: false, reason: "unreadable" });
    const wrong = Buffer.from(JSON.stringify({ internalOptions: "nope" })).toString("base64");
    expect(parseInjectedConfig(`window.injectedConfig = "${wrong}"`)).toEqual({ ok: false, reason: "unexpected_shape" });
    const noState = Buffer.from(JSON.stringify({ clientID: "x" })).toString("base64");
    expect(parseInjectedConfig(`window.injectedConfig = "${noState}"`)).toMatchObject({ ok: true, state: undefined, csrf: undefined });
  });
});

describe("looksLikeVerificationPage", () => {
  it("spots MFA pages by URL or wording, not ordinary pages", () => {
    expect(looksLikeVerificationPage("<h1>Verify Your Identity</h1>")).toBe(true);
    expect(looksLikeVerificationPage("<p>ok</p>", "https://auth.onepeloton.com/u/mfa-otp-challenge?state=x")).toBe(true);
    expect(looksLikeVerificationPage("<h1>Log in | Peloton</h1>", "https://auth.onepeloton.com/login")).toBe(false);
  });
});
