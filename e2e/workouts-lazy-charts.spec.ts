/** The workout charts (the detail page's heaviest render) mount as the reader scrolls towards them, in a box of their final height. */
import { expect, test } from "@playwright/test";
import { systemFontsOnFirstScreen } from "./fonts";
import { signIn, withSyncedHistory } from "./helpers";

withSyncedHistory();

test("a phone loads a ride's charts only as they come into view, with nothing shifting", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page);
  await page.goto("/workouts?type=Power+Zone");
  await page.locator('main a[href^="/workouts/"]').first().click();
  await expect(page.getByTestId("workout-title")).toBeVisible();
  await page.waitForLoadState("networkidle");
  const box = page.getByTestId("workout-charts");
  await expect(box.locator(".recharts-surface")).toHaveCount(0);
  const before = await box.boundingBox();

  await box.scrollIntoViewIfNeeded();
  await expect(box.locator("[aria-label^='Output chart']")).toBeVisible();
  const after = await box.boundingBox();
  expect(Math.abs((after?.height ?? 0) - (before?.height ?? -10))).toBeLessThanOrEqual(1);
  await context.close();
});

/** The chunks the page's RSC payload names that no `<script src>` of the same HTML loads. */
function chunksNotInHtml(html: string): string[] {
  const tags = new Set([...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]));
  const needed = new Set([...html.matchAll(/\\"(\/_next\/static\/chunks\/[^"\\]+\.js)\\"/g)].map((m) => m[1] ?? ""));
  return [...needed].filter((chunk) => !tags.has(chunk));
}

/**
 * A page's first Intl object costs a phone 50–80 ms while ICU starts up (about 200 ms of blocking in Lighthouse's 4×
 * slower CPU): figures are formatted without Intl (lib/format/intl.ts formatFixed) and dates on the server. And no
 * page's JavaScript carries zod (33 KB gzipped; validation runs on the server): one helper imported from a module that
 * builds schemas once put all of it into the calendar's first load (lib/time/day.ts). Nor does a page ask the server
 * for the sync progress it was rendered with (the shell's indicator starts from it: app/(app)/layout.tsx). And every
 * chunk a page's payload needs is a script tag of its HTML: a chunk found only once React reads the payload (the
 * error boundary's was, until it joined the layout's chunk: app/(app)/providers.tsx) is one more round trip before
 * the page can hydrate. Charts loaded as they come into view are not in the payload, so they don't count. And the
 * build's scripts and stylesheets arrive brotli-compressed, 13–14 % smaller than gzip (scripts/serve.mjs). And the
 * first screen's text is all in the web font: a character it lacks, or a monospace <code>, sent the first layout
 * through the system's font lists (e2e/fonts.ts).
 */
test("a phone's page load builds no Intl formatter, loads no schema library, asks no sync progress, waits for no chunk its HTML didn't name and draws its first screen in the web font, on any page", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __intlCalls: string[] }).__intlCalls = calls;
    for (const name of ["NumberFormat", "DateTimeFormat", "PluralRules", "RelativeTimeFormat", "ListFormat", "Collator"] as const) {
      const original = Intl[name] as unknown as new (...args: unknown[]) => object;
      (Intl as unknown as Record<string, unknown>)[name] = new Proxy(original, { construct: (target, args) => (calls.push(`${name} ${new Error().stack?.split("\n").slice(3, 6).join(" < ")}`), new target(...args)) });
    }
  });
  const page = await context.newPage();
  const scripts: Promise<{ url: string; zod: boolean }>[] = [];
  const progressAsked: string[] = [];
  // The build's scripts and stylesheets of 1 KB or more come brotli-compressed from the production server (scripts/serve.mjs).
  const encodings = new Set<string>();
  page.on("request", (req) => {
    if (new URL(req.url()).pathname === "/api/sync/progress") progressAsked.push(page.url());
  });
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") scripts.push(res.text().then((body) => ({ url: res.url(), zod: body.includes("$ZodType") }), () => ({ url: res.url(), zod: false })));
    const { pathname } = new URL(res.url());
    const sentPlain = !res.headers()["content-encoding"] && Number(res.headers()["content-length"]) < 1024; // too small to gain
    if (pathname.startsWith("/_next/static/") && /\.(js|css)$/.test(pathname) && !sentPlain) encodings.add(res.headers()["content-encoding"] ?? "none");
  });
  await signIn(page);
  const detail = await page.goto("/workouts").then(() => page.locator('main a[href^="/workouts/"]').first().getAttribute("href"));
  for (const path of ["/dashboard", "/workouts", detail ?? "/workouts", "/calendar", "/fitness", "/power", "/settings", "/connections", "/trainingpeaks"]) {
    const html = await page.goto(path).then((response) => response?.text() ?? "");
    await page.waitForLoadState("networkidle");
    expect({ path, notInHtml: chunksNotInHtml(html) }).toEqual({ path, notInHtml: [] });
    expect({ path, calls: await page.evaluate(() => (window as unknown as { __intlCalls: string[] }).__intlCalls) }).toEqual({ path, calls: [] });
    expect({ path, progressAsked: progressAsked.splice(0) }).toEqual({ path, progressAsked: [] });
    expect({ path, systemFonts: await systemFontsOnFirstScreen(page) }).toEqual({ path, systemFonts: [] });
    expect({ path, encodings: [...encodings] }).toEqual({ path, encodings: ["br"] });
    encodings.clear();
    expect({ path, withZod: (await Promise.all(scripts.splice(0))).filter((s) => s.zod).map((s) => s.url) }).toEqual({ path, withZod: [] });
  }
  await context.close();
});

test("a new rider's connections page draws its first screen, the demo's credentials included, in the web font", async ({ browser }) => {
  // The basic athlete is an AutoCoach user with no Peloton account connected: the page shows the connect form.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, 4100124);
  await page.goto("/connections");
  const hint = page.getByTestId("peloton-demo-hint");
  await expect(hint).toContainText("demo.rider@example.com with password ride-on-demo");
  await hint.scrollIntoViewIfNeeded();
  expect(await systemFontsOnFirstScreen(page)).toEqual([]);
  await context.close();
});
