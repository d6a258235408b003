/**
 * Accessibility bar (docs/quality.md): axe finds no serious or critical violation on any page, in light and in dark
 * mode. Sorts after the Peloton connect and sync specs (it needs the synced history they leave, and syncs it if not).
 */
import { expect, test, type Page } from "@playwright/test";
import { blockingAxeViolations, formatAxeFindings } from "./axe";
import { signIn, withSyncedHistory } from "./helpers";

withSyncedHistory();

const PUBLIC_PAGES = ["/", "/signin"];
/** "detail" stands for the first workout in the history. */
const APP_PAGES = ["/dashboard", "/workouts", "/workouts?discipline=cycling&sort=output", "detail", "/calendar", "/fitness", "/power", "/settings", "/connections", "/trainingpeaks"];

async function expectNoBlockingViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // Content that mounts near the viewport (the workout charts) is checked too.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  const findings = await blockingAxeViolations(page);
  expect(findings, formatAxeFindings(path, findings)).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    for (const path of PUBLIC_PAGES) {
      test(`${path}: no serious or critical axe violation`, async ({ page }) => {
        await expectNoBlockingViolations(page, path);
      });
    }

    for (const path of APP_PAGES) {
      test(`${path}: no serious or critical axe violation`, async ({ page }) => {
        test.setTimeout(120_000);
        await signIn(page);
        expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(colorScheme === "dark");
        let target = path;
        if (path === "detail") {
          await page.goto("/workouts");
          target = (await page.locator('main a[href^="/workouts/"]').first().getAttribute("href")) ?? "";
          expect(target).toMatch(/^\/workouts\/\w+/);
        }
        await expectNoBlockingViolations(page, target);
      });
    }
  });
}
