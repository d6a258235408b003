/**
 * `npm run screens -- <dir>`: full-page screenshots of the dashboard, history, a workout's detail and the
 * connections page at desktop (1280 px) and phone (390 px) width, from the seeded benchmark stack
 * (bench/web-stack.ts; needs an existing production build: `npm run build`).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startWebStack } from "../bench/web-stack";
import { runMain } from "./lib/cli";
import { ensureChromium } from "./lib/chromium";
import { readerScreenshot } from "./lib/reader-screenshot";

const dir = path.resolve(process.argv[2] ?? "screens");
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3291 + (Number(process.env.E2E_PORT_OFFSET ?? 0) || 0));

async function main() {
  mkdirSync(dir, { recursive: true });
  const stack = await startWebStack({ port: PORT, workouts: Number(process.env.BENCH_WORKOUTS ?? 3000), build: false });
  const browser = await chromium.launch({ executablePath: await ensureChromium(), args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const [name, value] = stack.cookie.split("=") as [string, string];
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, deviceScaleFactor: 1, colorScheme: "light" });
      await context.addCookies([{ name, value, url: stack.base }]);
      const page = await context.newPage();
      for (const [label, url] of [["dashboard", "/dashboard"], ["history", "/workouts"], ["detail", stack.detailPath], ["connections", "/connections"]] as const) {
        await page.goto(`${stack.base}${url}`, { waitUntil: "networkidle" });
        await readerScreenshot(page, path.join(dir, `${label}-${width}.png`), 800);
      }
      await context.close();
    }
    console.log(`screenshots in ${dir}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

runMain(main);
