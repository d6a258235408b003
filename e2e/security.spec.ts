import { expect, test } from "@playwright/test";
import { recordBomb } from "../server/fit/__fixtures__/record-bomb";
import { signIn } from "./helpers";

/** docs/security.md against the built app: CSP nonce, URL and action input, hostile uploads through the worker. */

test("pages carry a fresh CSP nonce on every script, and the app runs under it with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page);
  for (const path of ["/dashboard", "/power", "/calendar", "/settings"]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  await page.getByRole("link", { name: /workouts/i }).first().click();
  await expect(page).toHaveURL(/\/workouts/);
  expect(violations).toEqual([]);

  const [a, b] = [await page.request.get("/dashboard"), await page.request.get("/dashboard")];
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const nonce = nonceOf(a.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(b.headers()["content-security-policy"])).not.toBe(nonce);
  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(a.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin" });
  expect(a.headers()["strict-transport-security"]).toMatch(/^max-age=/);
});

test("bad dates and cursors in a page's URL answer 400 with the reason", async ({ request }) => {
  const calendar = await request.get("/calendar?date=2026-02-31");
  expect(calendar.status()).toBe(400);
  expect(await calendar.text()).toContain("&#34;date&#34; must be a calendar date as YYYY-MM-DD");
  expect((await request.get("/workouts?cursor=not-ours")).status()).toBe(400);
  expect((await request.get("/power?range=custom&from=2026-01-01&to=yesterday")).status()).toBe(400);
});

test("server actions: another origin 403, an oversized body 413, a malformed one 400", async ({ request, baseURL }) => {
  const headers = { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" };
  const forged = await request.post("/settings", { headers: { ...headers, origin: "https://evil.example" }, data: "[]" });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ ok: false, code: "auth.forbidden" });
  const big = await request.post("/settings", { headers: { ...headers, origin: baseURL! }, data: `["${"x".repeat(300 * 1024)}"]` });
  expect(big.status()).toBe(413);
  expect(await big.json()).toMatchObject({ code: "input.too_large", message: expect.stringMatching(/larger than 256 KB/) });
  const broken = await request.post("/settings", { headers: { ...headers, origin: baseURL! }, data: "{not json" });
  expect(broken.status()).toBe(400);
});

test("the 466 KB upload that inflates to 63 MB is refused with 413 by the worker, and the app stays up", async ({ page }) => {
  await signIn(page);
  const bomb = Buffer.from(recordBomb(7_900_000, { gzip: true }));
  const res = await page.request.post("/api/trainingpeaks/compare", { multipart: { file: { name: "bomb.fit.gz", mimeType: "application/gzip", buffer: bomb } } });
  expect(res.status()).toBe(413);
  expect(await res.json()).toMatchObject({ code: "fit.too_large", message: expect.stringMatching(/^This file inflates to more than 32 MB/) });
  const slow = await page.request.post("/api/trainingpeaks/compare", { multipart: { file: { name: "many.fit", mimeType: "application/octet-stream", buffer: Buffer.from(recordBomb(500_000)) } } });
  expect(slow.status()).toBe(413);
  expect((await page.request.get("/api/dashboard/recent")).status()).toBe(200);
});

test("Sign out everywhere ends the sessions of every browser, this one included", async ({ page, browser }) => {
  await signIn(page);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage);
  await page.goto("/settings");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.waitForURL("**/signin?reason=signed_out_everywhere");
  await expect(page.getByText("You are signed out everywhere")).toBeVisible();
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();
});
