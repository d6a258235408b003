import { expect, test, type Page } from "@playwright/test";
import { blockingAxeViolations, formatAxeFindings } from "./axe";
import { signIn, withSyncedHistory } from "./helpers";
import { E2E_TILE_URL } from "./ports";

withSyncedHistory();

const PAGES = ["/dashboard", "/workouts", "/calendar", "/fitness", "/power", "/connections", "/trainingpeaks", "/settings"];

async function firstWorkout(page: Page, query: string): Promise<string> {
  await page.goto(`/workouts?${query}`);
  const href = await page.getByTestId("history-table").locator("tbody tr a").first().getAttribute("href");
  return href ?? "/workouts";
}

test("every page has its own title, a workout's tab shows its class, and no icon is missing", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await signIn(page);
  const titles = new Set<string>();
  for (const path of PAGES) {
    await page.goto(path);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(PAGES.length);
  await page.goto(await firstWorkout(page, "type=Climb"));
  const heading = await page.getByTestId("workout-title").textContent();
  await expect(page).toHaveTitle(`${heading} · AutoCoach`);
  expect(missing).toEqual([]);
  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.ok()).toBe(true);
  for (const icon of ((await manifest.json()) as { icons: { src: string }[] }).icons) expect((await page.request.get(icon.src)).ok(), icon.src).toBe(true);
  expect((await page.request.get("/favicon.ico")).ok()).toBe(true);
});

test("arrowing through a history filter doesn't submit it or lose focus", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts");
  const select = page.getByTestId("filter-discipline");
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(select).toBeFocused();
  await expect(page).toHaveURL(/\/workouts$/);
  await page.getByTestId("history-apply").click();
  await expect(page).toHaveURL(/discipline=/);
  expect(page.url()).not.toMatch(/caesar|_/);
});

test("a reversed date range is explained, not an empty page", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts?from=2026-05-10&to=2026-05-01");
  await expect(page.getByText(/“From” date \(2026-05-10\) is after the “To” date/)).toBeVisible();
  await expect(page.getByTestId("history-table").locator("tbody tr").first()).toBeVisible();
});

test("a signed-out deep link returns to its page after sign-in", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/workouts?type=Climb");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fworkouts%3Ftype%3DClimb/);
  await page.getByRole("button", { name: /sign in with trainingpeaks/i }).click();
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL(/\/workouts\?type=Climb$/);
  await expect(page.getByTestId("history-count")).toContainText("match");
  await context.close();
});

test("an outdoor walk shows its route over the configured map tiles; a meditation says why it has no charts", async ({ page }) => {
  const tiles: number[] = [];
  const refused: string[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(E2E_TILE_URL)) tiles.push(r.status());
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await signIn(page);
  await page.goto(await firstWorkout(page, "type=Outdoor"));
  await expect(page.getByTestId("route-trace")).toBeVisible();
  await expect(page.getByTestId("route-line")).toHaveAttribute("d", /^M[\d.]+ [\d.]+L/);
  // MAP_TILE_URL points at the tile simulator (scripts/e2e-server.ts): its tiles lie under the trace, credited
  const images = page.getByTestId("route-tiles").locator("image");
  expect(await images.count()).toBeGreaterThan(0);
  await expect(images.first()).toHaveAttribute("href", new RegExp(`^${E2E_TILE_URL}/\\d+/\\d+/\\d+\\.png$`));
  await expect(page.getByTestId("route-attribution")).toHaveText("Map: Tiles: AutoCoach test tile server");
  await expect.poll(() => tiles.length).toBeGreaterThan(0);
  expect(tiles.every((s) => s === 200)).toBe(true);
  expect(refused).toEqual([]);
  // the map, its halo and its credit stay accessible in dark mode too
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByTestId("route-tiles").locator("image").first()).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  const findings = await blockingAxeViolations(page);
  expect(findings, formatAxeFindings("outdoor route (dark)", findings)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(await firstWorkout(page, "discipline=meditation"));
  await expect(page.getByTestId("no-samples")).toContainText("Peloton records no second-by-second metrics for meditation classes");
  await expect(page.locator("header").getByText(/^FTP \d+ W/)).toHaveCount(0);
});

test("no page scrolls sideways on a 360 px phone, and the history reads as cards", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await signIn(page);
  const workout = await firstWorkout(page, "type=Power+Zone");
  for (const path of [...PAGES, workout]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => {
      const client = document.documentElement.clientWidth;
      // what sticks out, for the failure message: elements past the edge that no scrolling parent contains
      const clipped = (el: Element) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) return true;
        return false;
      };
      const offenders = [...document.body.querySelectorAll("*")]
        .filter((el) => el.getBoundingClientRect().right > client + 0.5 && !clipped(el))
        .slice(-3)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute("class")).slice(0, 60)} "${(el.textContent ?? "").slice(0, 40)}"`);
      return { scroll: document.documentElement.scrollWidth, client, offenders };
    });
    expect(overflow.scroll, `${path} scrolls sideways: ${overflow.offenders.join(" | ")}`).toBeLessThanOrEqual(overflow.client);
  }
  await page.goto("/workouts");
  // the column headers stay for screen readers only (sr-only: an absolutely placed 1 px box)
  expect(await page.getByTestId("history-table").locator("thead tr").evaluate((el) => getComputedStyle(el).position)).toBe("absolute");
  const card = page.getByTestId("history-table").locator("tbody tr").first();
  expect(await card.evaluate((el) => getComputedStyle(el).display)).toBe("grid");
  // each figure carries its column's name, drawn by the stylesheet (not repeated in every row's markup)
  const labels = await card.locator("td").evaluateAll((cells) => cells.map((td) => getComputedStyle(td, "::before").content));
  expect(labels.slice(3)).toEqual(['"Duration"', '"Distance"', '"Output"', '"TSS"', '"Avg HR"']);
  // every filter's longest choice fits its box beside the select's arrow ("Newest / highest" was cut to "highes")
  const cramped = await page.getByTestId("history-filters").locator("select").evaluateAll((selects) => {
    const ctx = document.createElement("canvas").getContext("2d");
    return (selects as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      if (!ctx) return ["no canvas"];
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 16;
      const longest = Math.max(...[...select.options].map((o) => ctx.measureText(o.text).width));
      return longest > room ? [`${select.name}: ${Math.round(longest)} px of text in ${Math.round(room)} px`] : [];
    });
  });
  expect(cramped.filter((c) => /^(sort|dir):/.test(c))).toEqual([]);
  await context.close();
});

test("the header fits on laptop widths: every link shown, Sign out on one line", async ({ browser }) => {
  for (const width of [1280, 1024]) {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto("/workouts");
    const signOut = page.getByTestId("sign-out");
    const box = await signOut.boundingBox();
    expect(box?.height, `Sign out wraps at ${width} px`).toBeLessThan(48);
    // the visible navigation shows all eight links, none scrolled out of its row
    const nav = page.getByRole("navigation", { name: "Main" }).locator("visible=true");
    await expect(nav).toHaveCount(1);
    const clipped = await nav.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(clipped, `the navigation scrolls at ${width} px`).toBe(false);
    await expect(nav.getByRole("link")).toHaveCount(8);
    await context.close();
  }
});
