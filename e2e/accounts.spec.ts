import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readZip } from "../test/zip-reader";
import { connectPeloton, resetSimulators, screenshot, signIn } from "./helpers";

/** Accounts and their data: a Peloton account switch (keep, then delete), Download my data, Delete my account. */
const CLIMBER = 4100125;

test.beforeEach(resetSimulators);

/** At 360 px in dark mode the page does not scroll sideways. */
async function expectFitsPhone(page: Page, name: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(page, name);
  await page.emulateMedia({ colorScheme: "light" });
  if (size) await page.setViewportSize(size);
}

test("switch Peloton accounts keeping the old history, download it, delete it, then delete the account", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, CLIMBER);
  await page.goto("/connections");
  await connectPeloton(page, "other.rider@example.com", "other-rider-pass");
  const panel = page.getByTestId("sync-panel");
  const start = panel.getByRole("button", { name: /Sync my Peloton history|Sync now|Resume sync/ });
  if (await start.isVisible()) await start.click();
  await expect(panel.getByTestId("sync-phase")).toHaveText("Up to date", { timeout: 150_000 });

  // Disconnect, keeping the workouts (the box is unticked by default).
  await page.getByRole("button", { name: "Disconnect Peloton" }).click();
  const confirm = page.getByTestId("peloton-disconnect");
  await expect(confirm.getByRole("checkbox")).not.toBeChecked();
  await confirm.getByRole("button", { name: "Disconnect", exact: true }).click();

  // Another account: the form asks what happens to OtherRider's workouts; keep them.
  await expect(page.getByTestId("peloton-history-choice")).toContainText("OtherRider");
  await page.getByLabel(/^Keep those/).check();
  await connectPeloton(page, "new.rider@example.com", "brand-new-bike");
  const kept = page.getByTestId("kept-history");
  await expect(kept).toContainText(/From Peloton account OtherRider: \d+ workouts/);
  const count = Number(/(\d+) workouts/.exec((await kept.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThan(10);
  await screenshot(page, "connections-kept-history");
  await expectFitsPhone(page, "connections-kept-history-360-dark");
  await page.goto("/workouts");
  await expect(page.getByTestId("history-account").first()).toHaveText("From Peloton account OtherRider");

  // Download my data: progress counts the workouts, the zip holds each as JSON and FIT.
  await page.goto("/settings");
  const downloading = page.waitForEvent("download");
  await page.getByTestId("download-data").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^autocoach-export-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByTestId("download-progress")).toContainText(`Saved. ${count} of ${count} workouts`);
  const names = readZip(readFileSync(await download.path())).map((e) => e.name);
  expect(names[0]).toBe("account.json");
  expect(names.filter((n) => n.endsWith(".json")).length).toBe(count + 1);
  expect(names.some((n) => n.endsWith(".fit"))).toBe(true);

  await expectFitsPhone(page, "settings-account-360-dark");

  // Delete the kept workouts.
  await page.goto("/connections");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete these workouts" }).click();
  await expect(page.getByTestId("kept-history")).toHaveCount(0);

  // Delete my account: only with the typed confirmation; signed out afterwards.
  await page.goto("/settings");
  const remove = page.getByRole("button", { name: "Delete my account" });
  await expect(remove).toBeDisabled();
  await page.getByLabel(/Type delete my account to confirm/).fill("delete my account");
  await screenshot(page, "settings-delete-account");
  await remove.click();
  await page.waitForURL("**/signin?reason=account_deleted");
  await expect(page.getByText("Your account is deleted")).toBeVisible();
  await page.goto("/dashboard");
  await page.waitForURL("**/signin**");
});
