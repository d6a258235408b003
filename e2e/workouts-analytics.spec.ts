/**
 * Training analytics over the demo member's synced history. The e2e specs share one database and run in file order, so
 * this file sorts after the Peloton connect and sync specs (which need a member not yet connected), and it puts back
 * the settings it changes (FTP source, a run pace, units) for the specs after it.
 */
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signIn, withSyncedHistory } from "./helpers";

withSyncedHistory();

/** A drawn chart (not a legend icon). */
const CHART = "svg.recharts-surface[role='application']";

/**
 * The chart in the box with this test id gets drawn once the reader scrolls to it (charts mount near the viewport:
 * components/charts/lazy-chart.tsx); Recharts' first render of years of data may take a while on a busy machine.
 */
async function expectChart(page: Page, testId: string) {
  const box = page.getByTestId(testId);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator(CHART).first()).toBeVisible({ timeout: 30_000 });
}

/** The background job (Peloton's FTP history, anything the sync left) has finished: no progress bar on the page. */
async function scoringDone(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByTestId("rescore-progress")).toHaveCount(0, { timeout: 90_000 });
}


async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).toBe(false);
}

test("every workout has a score, saying how it was computed", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts");
  const cells = page.getByTestId("history-table").getByTestId("history-tss");
  await expect(cells).toHaveCount(25);
  // (on phones a cell carries its column name: "TSS 15")
  for (const text of await cells.allTextContents()) expect(text).toMatch(/^\d/);
  await page.goto("/workouts?discipline=strength");
  await page.getByTestId("history-table").locator("tbody tr a").first().click();
  await expect(page.getByTestId("workout-score")).toContainText(/Heart-rate TSS|Estimated TSS/);
  await expect(page.getByTestId("workout-score")).toContainText(/threshold HR|per hour of strength/);
});

test("the calendar shows each day's workouts with scores, totals, and the TrainingPeaks plan", async ({ page }) => {
  await signIn(page);
  await scoringDone(page, "/calendar");
  await expect(page).toHaveTitle(/Calendar/);
  await expect(page.getByTestId("calendar-title")).toBeVisible();
  await expect(page.getByTestId("year-totals")).toContainText(/\d+ workouts? · .* TSS/);
  // The month before always holds rides (the demo rider trains all year).
  await page.getByRole("link", { name: /Previous/ }).click();
  await expect(page).toHaveURL(/view=month&date=/);
  const week = page.getByTestId("calendar-weeks").locator("section").nth(1);
  await expect(week.getByRole("link").first()).toBeVisible();
  await expect(page.getByTestId("month-totals")).toContainText(/TSS/);
  await screenshot(page, "calendar-month");
  await page.goto("/calendar?view=week");
  await expect(page.getByTestId("calendar-title")).toContainText("Week of");
  await expect(page.getByTestId("planned-workout").first()).toBeVisible({ timeout: 20_000 });
  await screenshot(page, "calendar-week");
});

test("the fitness page charts fitness, fatigue and form, and the dashboard shows today's", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("fitness-today")).toContainText("Fitness (CTL)");
  await scoringDone(page, "/fitness?range=2y");
  await expect(page).toHaveTitle(/Fitness/);
  await expect(page.getByTestId("fitness-today")).toContainText("Form (TSB)");
  // the PMC is drawn on the server (no chart library at the phone's fold); a pointer over it shows the day's figures
  const pmc = page.getByTestId("pmc-chart");
  await pmc.scrollIntoViewIfNeeded();
  await expect(pmc.locator("svg path")).toHaveCount(4);
  await page.getByTestId("pmc-plot").hover({ position: { x: 12, y: 30 } });
  await expect(page.getByTestId("pmc-tooltip")).toContainText("Fitness (CTL)");
  await page.keyboard.press("End");
  await expect(page.getByTestId("pmc-tooltip")).toContainText("Form (TSB)");
  await expect(page.getByRole("link", { name: "2 years" })).toHaveAttribute("aria-current", "page");
  await screenshot(page, "fitness");
});

test("the power curve lists best efforts that link to the rides that set them, an estimated FTP and the FTP history", async ({ page }) => {
  await signIn(page);
  await scoringDone(page, "/power?range=all");
  await expect(page).toHaveTitle(/Power curve/);
  await expectChart(page, "curve-chart");
  const efforts = page.getByTestId("best-efforts");
  for (const label of ["5 seconds", "1 minute", "5 minutes", "20 minutes", "60 minutes"]) await expect(efforts).toContainText(label);
  await expect(page.getByTestId("ftp-summary")).toContainText(/Critical power|95 % of your best 20-minute power/);
  await expectChart(page, "ftp-history-chart");
  await page.getByText(/^FTP tests \(\d+\)$/).click();
  await expect(page.getByTestId("ftp-tests").locator("li").first()).toBeVisible();
  await screenshot(page, "power-curve");
  const twenty = efforts.locator("tr", { hasText: "20 minutes" }).getByRole("link");
  const title = (await twenty.textContent()) ?? "";
  await twenty.click();
  await expect(page.getByTestId("workout-title")).toHaveText(title);
  await expectChart(page, "time-in-zone");
  await page.goto("/power?sport=run&range=all");
  await expect(page.getByRole("heading", { name: /Pace curve/ })).toBeVisible();
  await expect(page.getByTestId("best-efforts")).toContainText("/km");
});

test("an FTP test ride shows its result and sets it as my FTP; a repeated class shows its attempts", async ({ page }) => {
  await signIn(page);
  await page.goto("/power?range=all");
  await page.getByText(/^FTP tests \(\d+\)$/).click();
  await page.getByTestId("ftp-tests").locator("li a").first().click();
  const card = page.getByTestId("ftp-test-result");
  await expect(card).toContainText(/imply an FTP of \d+ W/);
  const button = card.getByRole("button", { name: /Set \d+ W as my FTP/ });
  if (await button.isVisible()) {
    await button.click();
    // The action's note, or (once the page has revalidated, which can come first) the card saying it is now in the history.
    await expect(card).toContainText(/Rides from that day are being rescored|This result is in your FTP history/);
  }
  await screenshot(page, "workout-ftp-test");
  await page.goto("/workouts?type=Power+Zone");
  for (const link of await page.getByTestId("history-table").locator("tbody tr a").all()) {
    await page.goto((await link.getAttribute("href")) ?? "/");
    if ((await page.getByTestId("class-attempts").count()) > 0) break;
    await page.goBack();
  }
  await expect(page.getByTestId("class-attempts").locator("tbody tr")).not.toHaveCount(0);
  await screenshot(page, "workout-attempts");
});

test("settings: choose the FTP source, add a dated threshold (rescored in the background), and get clear errors", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings");
  await expect(page).toHaveTitle(/Settings/);
  const add = page.getByTestId("add-threshold");
  await add.getByLabel("Threshold").selectOption("run_pace");
  await add.getByLabel("Value").fill("fast");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("alert")).toContainText("min:s per km");
  await add.getByLabel("Value").fill("4:40");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("status")).toContainText("saved");
  await expect(page.getByTestId("threshold-history")).toContainText("4:40 /km");
  await page.getByTestId("settings-form").getByLabel(/^Manual/).check();
  await page.getByTestId("settings-form").getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-form").getByRole("status")).toHaveText("Settings saved.");
  await screenshot(page, "settings");
  // A display time zone is saved and shown again (the zone options carry no value attribute: their text is the value).
  const form = page.getByTestId("settings-form");
  const zone = form.getByLabel(/^Display time zone/);
  // the page loads with the saved choice alone; the ~420 zones are listed once the select is about to be used
  await expect(zone.locator("option")).toHaveCount(1);
  await zone.focus();
  await expect.poll(() => zone.locator("option").count()).toBeGreaterThan(300);
  await zone.selectOption("America/New_York");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(form.getByLabel(/^Display time zone/)).toHaveValue("America/New_York");
  await form.getByLabel(/^Display time zone/).selectOption("");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Settings saved.");
  // Back to Peloton's FTP for the other specs, and the new pace removed again.
  await page.getByTestId("settings-form").getByLabel(/^Peloton/).check();
  await page.getByTestId("settings-form").getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-form").getByRole("status")).toHaveText("Settings saved.");
  await page.getByRole("button", { name: /Remove 4:40 \/km/ }).click();
  await expect(page.getByTestId("threshold-history")).not.toContainText("4:40 /km");
  await scoringDone(page, "/settings");
});

async function saveUnits(page: Page, units: RegExp) {
  await page.goto("/settings");
  await page.getByTestId("settings-form").getByLabel(units).check();
  await page.getByTestId("settings-form").getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-form").getByRole("status")).toHaveText("Settings saved.");
}

test("settings: imperial units show distances in miles on the history and the workout page, metric in km", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts?discipline=cycling");
  const distance = page.getByTestId("history-distance").first();
  await expect(distance).toHaveText(/^[\d.,]+ km$/);
  const metric = Number(/([\d.,]+) km/.exec((await distance.textContent()) ?? "")?.[1]?.replace(",", ""));
  const href = (await page.getByTestId("history-table").locator("tbody tr a").first().getAttribute("href")) ?? "/workouts";
  await page.goto(href);
  await expect(page.locator('[data-stat="distance"]')).toContainText("km");

  await saveUnits(page, /^Imperial/);
  await page.goto("/workouts?discipline=cycling");
  await expect(distance).toHaveText(/^[\d.,]+ mi$/);
  const imperial = Number(/([\d.,]+) mi/.exec((await distance.textContent()) ?? "")?.[1]?.replace(",", ""));
  // the same ride: one distance, in the other unit
  expect(Math.abs(imperial * 1.609344 - metric)).toBeLessThan(0.15);
  await page.goto(href);
  await expect(page.locator('[data-stat="distance"]')).toContainText("mi");
  await expect(page.locator('[data-stat="distance"]')).not.toContainText("km");

  // back to metric for the specs after this one
  await saveUnits(page, /^Metric/);
  await page.goto(href);
  await expect(page.locator('[data-stat="distance"]')).toContainText("km");
});

test("the new pages work at 360 px in dark mode, without sideways scrolling", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, colorScheme: "dark", deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signIn(page);
  for (const [path, name] of [
    ["/calendar", "calendar-phone-dark"],
    ["/fitness", "fitness-phone-dark"],
    ["/power?range=all", "power-phone-dark"],
    ["/settings", "settings-phone-dark"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    if (path === "/fitness") await expect(page.getByTestId("pmc-plot")).toBeVisible();
    if (path === "/power?range=all") await expect(page.locator(CHART).first()).toBeVisible({ timeout: 30_000 });
    await noSidewaysScroll(page);
    await screenshot(page, name);
  }
  await context.close();
});
