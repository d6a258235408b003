import { expect, test, type Page } from "@playwright/test";
import { E2E_PELOTON_URL, E2E_TP_URL } from "./ports";
import { readerScreenshot } from "../scripts/lib/reader-screenshot";

/** Page-level helpers shared by the specs. */

export async function tpAdmin(path: string, body?: unknown, method = "POST"): Promise<void> {
  await simAdmin(E2E_TP_URL, path, body, method);
}

export async function pelotonAdmin(path: string, body?: unknown, method = "POST"): Promise<void> {
  await simAdmin(E2E_PELOTON_URL, path, body, method);
}

/** Both simulators back to their seeded members, athletes and counters (a spec's `test.beforeEach`). */
export async function resetSimulators(): Promise<void> {
  await tpAdmin("reset");
  await pelotonAdmin("reset");
}

async function simAdmin(base: string, path: string, body: unknown, method: string): Promise<void> {
  const res = await fetch(`${base}/__admin/${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator admin ${path} failed: ${res.status}`);
}

/** From the sign-in page through the simulator's consent page. */
export async function startSignIn(page: Page): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: /sign in with trainingpeaks/i }).click();
  await expect(page.getByRole("heading", { name: /wants to access your TrainingPeaks account/i })).toBeVisible();
}

export async function signIn(page: Page, athleteId?: number): Promise<void> {
  await startSignIn(page);
  if (athleteId) await page.locator("select#athlete").selectOption(String(athleteId));
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL("**/dashboard");
}

/** Fills the Peloton connect form on /connections and submits it; the caller checks what follows. */
export async function submitPelotonConnect(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Peloton email or username").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Connect Peloton" }).click();
}

/** Connects a Peloton member from /connections and waits until the page shows it connected (the demo member by default). */
export async function connectPeloton(page: Page, email = "demo.rider@example.com", password = "ride-on-demo"): Promise<void> {
  await submitPelotonConnect(page, email, password);
  await expect(page.getByTestId("peloton-status")).toHaveText("Connected");
}

/** A full-page picture into e2e/screenshots/<name>.png, as a reader scrolling through the page sees it. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await readerScreenshot(page, `e2e/screenshots/${name}.png`);
}

/** The demo member's history synced for the demo athlete (reused when an earlier spec already synced it). */
export async function ensureSyncedHistory(page: Page) {
  await signIn(page);
  await page.goto("/workouts");
  // Wait for the list (or its empty state) before deciding.
  const state = page.getByText(/\d+ in your history|No Peloton workouts yet/);
  await state.waitFor();
  if ((await state.textContent())?.includes("320 in your history")) return;
  await page.goto("/connections");
  await page.getByRole("heading", { name: "Peloton" }).waitFor();
  if (await page.getByTestId("peloton-connect-form").isVisible()) await connectPeloton(page);
  const panel = page.getByTestId("sync-panel");
  const start = panel.getByRole("button", { name: /Sync my Peloton history|Sync now|Resume sync/ });
  if (await start.isVisible()) await start.click();
  await expect(panel.getByTestId("sync-phase")).toHaveText("Up to date", { timeout: 170_000 });
}

/** For specs that need the demo member's synced history: syncs it once before the spec's tests (serial). */
export function withSyncedHistory(): void {
  test.describe.configure({ mode: "serial" });
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await browser.newPage();
    await ensureSyncedHistory(page);
    await page.close();
  });
}
