import { expect, test } from "@playwright/test";
import { screenshot, signIn, startSignIn, tpAdmin } from "./helpers";

test.beforeEach(async () => {
  await tpAdmin("reset");
});

test("signs in through TrainingPeaks, shows FTP 265 and zones, signs out", async ({ page }) => {
  await signIn(page);
  await expect(page.getByTestId("athlete-name")).toHaveText("Demo Athlete");
  await expect(page.getByTestId("ftp")).toHaveText("265");
  await expect(page.getByTestId("thresholds")).toContainText("168");
  await expect(page.getByTestId("thresholds")).toContainText("4:30 /km");
  // Coggan zones from the FTP in force (TrainingPeaks' 265 W → Z4 240–279 W, or Peloton's when connected); zone edges sit
  // halfway between whole percentages (90.5 %, 105.5 %), so the ranges tile with no gaps (lib/metrics/zones.ts)
  const ftp = Number((await page.getByTestId("ftp-source").textContent())?.match(/FTP (\d+) W/)?.[1]);
  expect(ftp).toBeGreaterThan(0);
  await expect(page.getByTestId("power-zones")).toContainText(`${Math.ceil((905 * ftp) / 1000)}–${Math.ceil((1055 * ftp) / 1000) - 1} W`);
  if ((await page.getByTestId("ftp-source").textContent())?.includes("TrainingPeaks")) {
    await expect(page.getByTestId("power-zones")).toContainText("240–279 W");
  }
  await screenshot(page, "dashboard");

  await page.getByRole("link", { name: "TrainingPeaks" }).first().click();
  await expect(page.getByTestId("tp-activities")).toBeVisible();
  expect(await page.getByTestId("tp-activities").locator("tbody tr").count()).toBeGreaterThan(5);
  await screenshot(page, "trainingpeaks");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("denying consent shows a clear message and stores nothing", async ({ page }) => {
  await startSignIn(page);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/signin\?error=AccessDenied/);
  await expect(page.getByText("You didn't authorize AutoCoach")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
  await screenshot(page, "signin-denied");
});

test("a forged OAuth callback (no matching state) is refused", async ({ page }) => {
  await page.goto("/api/auth/callback/trainingpeaks?code=forged-code&state=forged-state");
  await expect(page).toHaveURL(/\/signin\?error=/);
  await expect(page.getByText("That sign-in link is no longer valid")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin/);
});

test("TrainingPeaks rate limiting during sign-in says when to retry", async ({ page }) => {
  await tpAdmin("faults", { path: "^/oauth/token", status: 429, retryAfterSeconds: 90, times: 1 });
  await startSignIn(page);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page.getByText("TrainingPeaks is rate limiting sign-ins")).toBeVisible();
  await expect(page.getByText("2 minutes")).toBeVisible();
});

test("TrainingPeaks failing during sign-in is reported as unreachable", async ({ page }) => {
  await tpAdmin("faults", { path: "^/v1/athlete/profile", status: 503, times: 1 });
  await startSignIn(page);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page.getByText("TrainingPeaks could not be reached")).toBeVisible();
});

test("a revoked grant shows the Reconnect banner, and reconnecting clears it", async ({ page }) => {
  await signIn(page);
  await tpAdmin("revoke", {});
  await tpAdmin("expire-tokens", {});
  await page.getByRole("link", { name: "TrainingPeaks" }).first().click();
  await expect(page.getByText(/Reconnect TrainingPeaks|sign in again/i).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Reconnect TrainingPeaks" })).toBeVisible();
  // said once per page: the shell's banner, not again by the dashboard's header
  await page.goto("/dashboard");
  await expect(page.getByRole("alert").filter({ hasText: "Reconnect TrainingPeaks" })).toHaveCount(1);
  // the calendar says why plans are missing in its first paint (no request that fails and pushes the weeks down)
  const plansRequests: string[] = [];
  page.on("request", (r) => r.url().includes("/api/calendar/planned") && plansRequests.push(r.url()));
  await page.goto("/calendar");
  await expect(page.getByTestId("calendar-totals")).toContainText("TrainingPeaks plans are not shown: TrainingPeaks no longer accepts AutoCoach's access (it expired or was revoked).");
  expect(plansRequests).toEqual([]);
  await page.getByRole("button", { name: "Reconnect TrainingPeaks" }).first().click();
  await page.getByRole("button", { name: "Authorize" }).click();
  // reconnecting from the banner comes back to the page it was on
  await page.waitForURL("**/calendar");
  await expect(page.getByRole("alert").filter({ hasText: "Reconnect TrainingPeaks" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByTestId("ftp")).toHaveText("265");
});

test("phone width and dark mode read well", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: "dark", deviceScaleFactor: 2 });
  const page = await context.newPage();
  await signIn(page);
  await expect(page.getByTestId("ftp")).toHaveText("265");
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(overflow).toBe(false);
  await screenshot(page, "dashboard-phone-dark");
  await context.close();
});
