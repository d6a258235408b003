/** The workout charts (the detail page's heaviest render) mount as the reader scrolls towards them, in a box of their final height. */
import { expect, test } from "@playwright/test";
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
