import { expect, test, type Page } from "@playwright/test";
import { INSTRUCTOR_KEYS, instructorSummary } from "../sandbox/peloton/data/instructors";
import { screenshot, signIn, withSyncedHistory } from "./helpers";

withSyncedHistory();

test("dashboard shows lifetime stats, weekly volume and recent workouts", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("lifetime-stats")).toContainText("Workouts");
  await expect(page.getByTestId("workouts-by-discipline")).toContainText("Cycling");
  // twelve weekly bars, redrawn for the metric chosen; each names its week and value
  const chart = page.getByTestId("weekly-volume").locator("[data-chart=weekly]");
  await expect(chart).toHaveAttribute("aria-label", /^Weekly time for 12 weeks from \d+ \w+: [\d.]+ h in the week of/);
  await expect(chart.locator("[data-bar]")).toHaveCount(12);
  expect(await chart.locator("[data-bar]").evaluateAll((bars) => bars.filter((b) => (b.firstElementChild as HTMLElement).getBoundingClientRect().height > 0).length)).toBeGreaterThan(0);
  await expect(chart.locator("[data-bar]").last()).toHaveAttribute("title", /^Week of \d+ \w+: [\d.]+ h$/);
  await page.getByTestId("weekly-volume").getByRole("button", { name: "TSS" }).click();
  await expect(chart).toHaveAttribute("aria-label", /^Weekly TSS for 12 weeks/);
  await expect(chart.locator("[data-bar]").last()).toHaveAttribute("title", /^Week of \d+ \w+: \d+ TSS$/);
  await expect(page.getByTestId("recent-workouts").locator("li")).toHaveCount(6);
  // A workout with no output (yoga, strength) shows its TSS alone, not after a dangling separator.
  for (const figures of await page.getByTestId("recent-workout-figures").allTextContents()) expect(figures).not.toMatch(/^\s*·|·\s*$/);
  await expect(page.getByTestId("ftp-source")).toContainText("FTP");
  await screenshot(page, "dashboard-synced");
});

test("history filters by instructor and Power Zone class type, and paginates", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts");
  const table = page.getByTestId("history-table");
  await expect(table.locator("tbody tr")).toHaveCount(25);

  const instructor = page.getByTestId("filter-instructor");
  const option = instructor.locator("option").nth(1);
  const name = (await option.textContent())?.replace(/\s*\(\d+\)$/, "") ?? "";
  await instructor.selectOption({ index: 1 });
  // choosing is not applying: the page stays put (and keeps focus) until Apply
  await expect(page).not.toHaveURL(/instructor=/);
  await page.getByTestId("history-apply").click();
  await expect(page).toHaveURL(/instructor=/);
  // the URL names the instructor, not an internal id
  expect(new URL(page.url()).searchParams.get("instructor")).toBe(name);
  await expect(page.getByTestId("history-count")).toContainText(/of 320 match/);
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain(name);

  // a link from before the filter took names carries the instructor's id: it opens the same view under the
  // readable URL, with the instructor chosen in the form (not "Current choice (no matches…)")
  const key = INSTRUCTOR_KEYS.find((k) => instructorSummary(k).name === name);
  expect(key).toBeDefined();
  await page.goto(`/workouts?instructor=${instructorSummary(key ?? "").id}&sort=output`);
  await expect.poll(() => new URL(page.url()).searchParams.get("instructor")).toBe(name);
  expect(new URL(page.url()).searchParams.get("sort")).toBe("output");
  await expect(instructor).toHaveValue(name);
  await expect(page.getByTestId("history-count")).toContainText(/of 320 match/);

  await page.goto("/workouts");
  await page.getByTestId("filter-type").selectOption("Power Zone");
  await page.getByTestId("history-apply").click();
  await expect(page).toHaveURL(/type=Power\+Zone/);
  for (const text of await table.locator("tbody tr").allTextContents()) expect(text).toContain("Power Zone");

  const firstPage = await table.locator("tbody tr").first().textContent();
  await page.getByTestId("history-next").click();
  await expect(page).toHaveURL(/cursor=/);
  expect(await table.locator("tbody tr").first().textContent()).not.toBe(firstPage);
  await page.getByTestId("history-prev").click();
  await expect(page).toHaveURL(/before=/);
  await expect(table.locator("tbody tr").first()).toHaveText(firstPage ?? "");
  await page.goBack();
  await page.goBack();
  await expect(table.locator("tbody tr").first()).toHaveText(firstPage ?? "");
  await screenshot(page, "history");
});

async function openFirst(page: Page, query: string) {
  await page.goto(`/workouts?${query}`);
  await page.getByTestId("history-table").locator("tbody tr a").first().click();
  await expect(page.getByTestId("workout-title")).toBeVisible();
  // The charts mount as they near the viewport (components/workouts/lazy-workout-charts.tsx).
  await page.getByTestId("workout-charts").scrollIntoViewIfNeeded();
}

test("a Power Zone ride shows zone target bands and compliance", async ({ page }) => {
  await signIn(page);
  await openFirst(page, "type=Power+Zone&q=Power+Zone+Ride");
  await expect(page.getByRole("img", { name: /^Output chart/ }).or(page.locator("[aria-label^='Output chart']"))).toBeVisible();
  await expect(page.locator(".recharts-reference-area").first()).toBeVisible();
  await expect(page.getByTestId("compliance-metrics")).toContainText(/Power|Output/);
  await expect(page.getByTestId("workout-score")).toContainText("Power TSS");
  // the charts' text alternative opens to its tables (rendered on opening, kept out of the collapsed page's HTML)
  await expect(page.getByRole("table", { name: /^Time in power zones/ })).toHaveCount(0);
  await page.getByText("Show data as table").click();
  await expect(page.getByRole("table", { name: /^Time in power zones \(FTP \d+ W\)/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Segments: averages/ })).toContainText("Warm Up");
  await screenshot(page, "workout-power-zone");
});

test("a non-PZ ride shows cadence and resistance ranges", async ({ page }) => {
  await signIn(page);
  await openFirst(page, "type=Climb");
  await expect(page.locator("[aria-label^='Cadence chart']")).toBeVisible();
  await expect(page.locator("[aria-label^='Resistance chart']")).toBeVisible();
  await expect(page.getByTestId("compliance-metrics")).toContainText("Cadence");
  await expect(page.getByTestId("compliance-metrics")).toContainText("Resistance");
  await screenshot(page, "workout-cadence-resistance");
});

test("a tread run shows pace targets", async ({ page }) => {
  await signIn(page);
  await openFirst(page, "discipline=running&type=Endurance");
  await expect(page.locator("[aria-label^='Pace chart'], [aria-label^='Speed chart']").first()).toBeVisible();
  await expect(page.getByTestId("pace-level-note")).toContainText(/pace level \d+, estimated/);
  await expect(page.getByTestId("compliance-metrics")).toContainText(/Pace|Speed/);
  await screenshot(page, "workout-tread");
});

test("workout pages read well at phone width in dark mode", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark", deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signIn(page);
  await openFirst(page, "type=Power+Zone");
  await page.getByTestId("workout-charts").scrollIntoViewIfNeeded();
  await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).toBe(false);
  await screenshot(page, "workout-phone-dark");
  await page.goto("/workouts");
  await screenshot(page, "history-phone-dark");
  await context.close();
});

test("user A cannot open user B's workout by id", async ({ browser, page }) => {
  await signIn(page);
  await page.goto("/workouts");
  const href = await page.getByTestId("history-table").locator("tbody tr a").first().getAttribute("href");
  expect(href).toMatch(/^\/workouts\//);
  // The basic athlete is a different AutoCoach user with no Peloton data.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, 4100124);
  const res = await otherPage.goto(href ?? "/workouts/x");
  expect(res?.status()).toBe(404);
  await expect(otherPage.getByText("Page not found")).toBeVisible();
  await other.close();
});
