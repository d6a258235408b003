import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { zonedLocalToUtc } from "../lib/time/time-zone";
import { screenshot, signIn } from "./helpers";

/** A synthetic head-unit ride as .fit.gz, encoded by the app's own (server-only) FIT encoder in a child process. */
function makeFitGz(options: { seconds: number; laps: number; startTime: string; ftp: number }): Buffer {
  return execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/make-fit.ts", JSON.stringify(options)], { maxBuffer: 64 * 1024 * 1024 });
}

interface ListedActivity {
  id: string;
  title: string;
  type: string;
  completed: boolean;
  startTimeLocal: string | null;
  durationSeconds: number | null;
}

test("upload a FIT.gz on the TrainingPeaks page and see it next to the matching activity", async ({ page }) => {
  await signIn(page);
  // A ride the simulator holds for the demo athlete (America/Denver), recorded again "by a head unit".
  const end = new Date().toISOString().slice(0, 10);
  const start = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  const res = await page.request.get(`/api/trainingpeaks/activities?start=${start}&end=${end}`);
  const { data } = (await res.json()) as { data: { activities: ListedActivity[]; unreadable: number } };
  const ride = data.activities.find((a) => a.type === "Bike" && a.completed && a.startTimeLocal && a.durationSeconds && a.durationSeconds < 7200);
  if (!ride?.startTimeLocal || !ride.durationSeconds) throw new Error("no completed simulator ride to compare with");
  const startTime = zonedLocalToUtc(ride.startTimeLocal, "America/Denver");
  if (!startTime) throw new Error(`unreadable start ${ride.startTimeLocal}`);
  const fitGz = makeFitGz({ seconds: ride.durationSeconds, laps: 4, startTime: new Date(startTime.getTime() + 20_000).toISOString(), ftp: 265 });

  await page.goto("/trainingpeaks");
  const panel = page.getByTestId("compare-panel");
  await panel.locator("input[type=file]").setInputFiles({ name: "head-unit.fit.gz", mimeType: "application/gzip", buffer: fitGz });
  await expect(panel.getByTestId("compare-file-name")).toContainText("head-unit.fit.gz");
  await panel.getByRole("button", { name: "Compare" }).click();

  const result = panel.getByTestId("comparison-result");
  await expect(result).toBeVisible({ timeout: 20_000 });
  await expect(result.getByTestId("comparison-match")).toContainText(ride.title);
  const table = result.getByTestId("comparison-table");
  await expect(table).toContainText("Normalized Power");
  await expect(table).toContainText("TSS");
  await expect(table.locator("tbody tr")).toHaveCount(10);
  await screenshot(page, "trainingpeaks-compare");

  // Garbage gets a clear error and no result.
  await panel.locator("input[type=file]").setInputFiles({ name: "notes.fit", mimeType: "application/octet-stream", buffer: Buffer.from("this is not a FIT file at all") });
  await panel.getByRole("button", { name: "Compare" }).click();
  await expect(panel.getByRole("alert")).toContainText(/not a FIT file/i);
  await expect(panel.getByTestId("comparison-result")).toHaveCount(0);
});

test("the Auto-send switch is saved and survives a reload", async ({ page }) => {
  await signIn(page);
  await page.goto("/trainingpeaks");
  const toggle = page.getByLabel("Auto-send new rides to TrainingPeaks");
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  // the cutoff is the exact moment, to the second, in the user's zone
  await expect(page.getByTestId("auto-send")).toContainText(/On: workouts started on or after \d{1,2} \w{3} \d{4} at \d{2}:\d{2}:\d{2} \S+ go to TrainingPeaks after each sync\./);
  await page.reload();
  await expect(page.getByLabel("Auto-send new rides to TrainingPeaks")).toBeChecked();
  await expect(page.getByTestId("auto-send")).toContainText(/Workouts started on or after \d{1,2} \w{3} \d{4} at \d{2}:\d{2}:\d{2} \S+ \(when you turned this on\) are uploaded after each sync/);
  // Leave it off for the specs that sync afterwards.
  await page.getByLabel("Auto-send new rides to TrainingPeaks").uncheck();
  await expect(page.getByTestId("auto-send")).toContainText("Off.");
  await page.reload();
  await expect(page.getByLabel("Auto-send new rides to TrainingPeaks")).not.toBeChecked();
});
