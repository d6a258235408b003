import { expect, test } from "@playwright/test";
import { screenshot, signIn, withSyncedHistory } from "./helpers";

withSyncedHistory();

test("send a synced ride to TrainingPeaks, see it in the activities list and follow the link back", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.goto("/workouts?discipline=cycling");
  // The newest ride may still be in progress (not sendable); the second is finished.
  await page.getByTestId("history-table").locator("tbody tr a").nth(1).click();
  await expect(page.getByText("Still in progress")).toHaveCount(0);
  const title = (await page.getByTestId("workout-title").textContent()) ?? "";
  const workoutUrl = page.url();

  const send = page.getByTestId("send-to-trainingpeaks");
  await send.getByRole("button", { name: "Send to TrainingPeaks" }).click();
  await expect(send).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  // "Already on TrainingPeaks" when the simulator happens to hold a ride at that start time: linked, not re-uploaded.
  await expect(send.getByText(/^(Sent to|Already on) TrainingPeaks$/)).toBeVisible();
  await expect(send.getByRole("link", { name: /Open in TrainingPeaks/ })).toHaveAttribute("href", /\/workout\/\d+$/);

  // The same session side by side: our figures and what TrainingPeaks computed from the uploaded file.
  const compare = page.getByTestId("workout-compare");
  await compare.getByRole("button", { name: "Compare with TrainingPeaks" }).click();
  await expect(compare.getByTestId("comparison-match")).toBeVisible({ timeout: 20_000 });
  await expect(compare.getByTestId("comparison-table")).toContainText("Normalized Power");
  await screenshot(page, "workout-sent-to-trainingpeaks");

  // A reload shows the stored result: the upload is never repeated.
  await page.reload();
  await expect(page.getByTestId("send-to-trainingpeaks")).toHaveAttribute("data-state", "done");

  await page.goto("/trainingpeaks");
  const back = page.getByTestId("autocoach-link");
  await expect(back).toHaveCount(1, { timeout: 20_000 });
  await expect(back.locator("xpath=ancestor::tr")).toContainText(title.trim().slice(0, 20));
  await screenshot(page, "trainingpeaks-activities-linked");
  await back.click();
  await expect(page).toHaveURL(workoutUrl);
  await expect(page.getByTestId("workout-title")).toHaveText(title);
});

test("download a workout as FIT and TCX, named by its class and the same local time the page and the comparison show", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts?discipline=cycling");
  await page.getByTestId("history-table").locator("tbody tr a").nth(1).click();
  const title = ((await page.getByTestId("workout-title").textContent()) ?? "").trim();
  // one zone (the user's) everywhere: the page's start, the comparison's and the file name's are the same wall clock
  const shown = /(\d{2}):(\d{2})/.exec((await page.getByTestId("workout-start").textContent()) ?? "");
  expect(shown).not.toBeNull();
  const [, hh, mm] = shown ?? [];
  await expect(page.getByTestId("workout-durations")).toContainText(/\d+:\d{2} recorded/);
  const compare = page.getByTestId("workout-compare");
  await compare.getByRole("button", { name: "Compare with TrainingPeaks" }).click();
  await expect(compare.getByTestId("comparison-summary")).toContainText(`${hh}:${mm}`, { timeout: 20_000 });
  const fit = page.waitForEvent("download");
  await page.getByTestId("export-fit").click();
  const fitDownload = await fit;
  expect(fitDownload.suggestedFilename()).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${hh}-${mm} .+\\.fit$`));
  expect(fitDownload.suggestedFilename()).toContain(title.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").slice(0, 30));
  const tcx = page.waitForEvent("download");
  await page.getByTestId("export-tcx").click();
  const tcxDownload = await tcx;
  expect(tcxDownload.suggestedFilename()).toMatch(/\.tcx$/);
  const stream = await tcxDownload.createReadStream();
  let xml = "";
  for await (const chunk of stream) xml += String(chunk);
  expect(xml).toContain("<TrainingCenterDatabase");
  expect(xml).toContain("<Trackpoint>");
});
