/**
 * Accessibility bar (docs/quality.md): axe finds no serious or critical violation on any page, in light and in dark
 * mode. Sorts after the Peloton connect and sync specs (it needs the synced history they leave, and syncs it if not).
 */
import { expect, test, type Page } from "@playwright/test";
import { blockingAxeViolations, formatAxeFindings } from "./axe";
import { signIn, withSyncedHistory } from "./helpers";

withSyncedHistory();

const PUBLIC_PAGES = ["/", "/signin"];
const APP_PAGES = ["/dashboard", "/workouts", "/workouts?discipline=cycling&sort=output", "/calendar", "/fitness", "/power", "/settings", "/connections", "/trainingpeaks"];

async function findingsOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // Content that mounts near the viewport (the workout charts) is checked too.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState("networkidle");
  const findings = await blockingAxeViolations(page);
  return findings.length ? [formatAxeFindings(path, findings)] : [];
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`no serious or critical axe violation on any page (${colorScheme} mode)`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme });
    const problems: string[] = [];
    for (const path of PUBLIC_PAGES) problems.push(...(await findingsOn(page, path)));

    await signIn(page);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(colorScheme === "dark");
    await page.goto("/workouts");
    const detail = await page.locator('a[href^="/workouts/"]').first().getAttribute("href");
    expect(detail).toBeTruthy();
    for (const path of [...APP_PAGES, detail ?? ""]) problems.push(...(await findingsOn(page, path)));

    expect(problems, problems.join("\n")).toEqual([]);
  });
}
