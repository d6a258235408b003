/**
 * `npm run bench:web`: builds the app, starts it on a seeded database (BENCH_WORKOUTS, default 3,000 workouts,
 * plus one real ride with a 1-second series), runs Lighthouse 12 (mobile form factor, default simulated
 * throttling) on every page, runs axe on every page in light and dark mode, and prints one summary line.
 *   --no-build reuses an existing build; BENCH_WEB_SERVER_LOG=1 shows the server's log; BENCH_WEB_PORT (default 3290 + E2E_PORT_OFFSET); CHROMIUM_PATH;
 *   BENCH_WEB_RUNS (default 3: the median run per page counts); BENCH_WEB_PAGES=detail,history measures only those pages; BENCH_WEB_REPORTS=<dir> keeps each Lighthouse report (JSON);
 *   BENCH_WEB_SHOW_SCROLLBARS=1 runs Lighthouse's Chromium without --hide-scrollbars.
 * Targets (docs/quality.md): performance ≥ 90 and LCP ≤ 2.5 s on every page, no serious axe violation.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { blockingAxeViolations, formatAxeFindings } from "../e2e/axe";
import { stackPages, startWebStack, type WebStack } from "./web-stack";
import { runMain } from "../scripts/lib/cli";
import { ensureChromium } from "../scripts/lib/chromium";

const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
/**
 * Lighthouse's Chromium hides scrollbars, as Puppeteer's default launch does. Visible, they made headless Chromium
 * present the first frame of about four page loads in ten a second late, whatever the page (docs/quality.md, "fifth
 * round"): the fading overlay scrollbar of the tab's previous page kept drawing frames nobody showed, and the display
 * compositor then throttled the renderer to one frame per second. BENCH_WEB_SHOW_SCROLLBARS=1 measures without it.
 */
const LIGHTHOUSE_FLAGS = process.env.BENCH_WEB_SHOW_SCROLLBARS === "1" ? FLAGS : [...FLAGS, "--hide-scrollbars"];
const PORT = Number(process.env.BENCH_WEB_PORT ?? 3290 + (Number(process.env.E2E_PORT_OFFSET ?? 0) || 0));

const ONLY = process.env.BENCH_WEB_PAGES?.split(",").filter(Boolean);
const REPORTS = process.env.BENCH_WEB_REPORTS;
const pagesOf = (stack: WebStack) => stackPages(stack).filter((p) => !ONLY || ONLY.includes(p.name));

type Score = { name: string; performance: number; lcpMs: number; tbtMs: number; cls: number; benchmarkIndex: number };
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 3));

/** One Lighthouse run of one page. */
async function measure(port: number, url: string, headers: Record<string, string> | undefined, name: string) {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: headers });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const score: Score = { name, performance: Math.round((lhr.categories.performance?.score ?? 0) * 100), lcpMs: audit("largest-contentful-paint"), tbtMs: audit("total-blocking-time"), cls: audit("cumulative-layout-shift"), benchmarkIndex: lhr.environment.benchmarkIndex };
  return { score, lhr };
}

/** Lighthouse sometimes loses a trace on a busy machine (NO_NAVSTART, NO_FCP): such a run is repeated, twice at most. */
async function measureWithRetry(...args: Parameters<typeof measure>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(...args);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.startsWith("Lighthouse failed")) throw error;
      console.log(`  ${args[3]}: ${error.message.split(":").slice(-1)[0]?.trim()}; measuring again`);
    }
  }
}

/** Each page RUNS times (a shared machine is noisy); the run with the median performance score stands for the page. */
async function runLighthouse(stack: WebStack, chromium: string): Promise<Score[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromium, chromeFlags: LIGHTHOUSE_FLAGS, logLevel: "silent" });
  const scores: Score[] = [];
  try {
    for (const page of pagesOf(stack)) {
      const headers = page.signedIn ? { Cookie: stack.cookie } : undefined;
      // One warm-up load so the first measured page doesn't pay for the server's cold start.
      await fetch(`${stack.base}${page.path}`, { headers });
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureWithRetry(chrome.port, `${stack.base}${page.path}`, headers, page.name));
      runs.sort((a, b) => a.score.performance - b.score.performance);
      const median = runs[Math.floor(runs.length / 2)];
      if (!median) continue;
      if (REPORTS) {
        mkdirSync(REPORTS, { recursive: true });
        writeFileSync(path.join(REPORTS, `${page.name}.json`), JSON.stringify(median.lhr));
      }
      const s = median.score;
      scores.push(s);
      const all = runs.map((r) => r.score.performance).join("/");
      const lcps = runs.map((r) => r.score.lcpMs.toFixed(0)).join("/");
      console.log(`  ${page.name.padEnd(18)} perf ${String(s.performance).padStart(3)} (${all})   LCP ${s.lcpMs.toFixed(0).padStart(5)} ms (${lcps})   TBT ${s.tbtMs.toFixed(0).padStart(4)} ms   CLS ${s.cls.toFixed(3)}   benchmark index ${s.benchmarkIndex.toFixed(0)}`);
    }
  } finally {
    chrome.kill();
  }
  return scores;
}

async function runAxe(stack: WebStack, executablePath: string): Promise<number> {
  const browser = await chromium.launch({ executablePath, args: FLAGS.filter((f) => f !== "--headless=new") });
  let serious = 0;
  try {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme });
      const [name, value] = stack.cookie.split("=") as [string, string];
      for (const page of pagesOf(stack)) {
        await context.clearCookies();
        if (page.signedIn) await context.addCookies([{ name, value, url: stack.base }]);
        const tab = await context.newPage();
        await tab.goto(`${stack.base}${page.path}`, { waitUntil: "networkidle" });
        const findings = await blockingAxeViolations(tab);
        serious += findings.length;
        if (findings.length) console.log(formatAxeFindings(`${page.name} (${colorScheme})`, findings));
        await tab.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return serious;
}

async function main() {
  const build = !process.argv.includes("--no-build");
  const workouts = Number(process.env.BENCH_WORKOUTS ?? 3000);
  const browserPath = await ensureChromium();
  console.log(build ? "Building the app (next build)…" : "Reusing the existing build.");
  const stack = await startWebStack({ port: PORT, workouts, build });
  try {
    console.log(`\nWeb benchmark: ${workouts.toLocaleString("en-US")} workouts seeded in ${stack.seedSeconds.toFixed(1)} s; database: ${stack.databaseLabel}; Lighthouse 12 mobile\n`);
    const scores = await runLighthouse(stack, browserPath);
    const axeSerious = await runAxe(stack, browserPath);
    const min = Math.min(...scores.map((s) => s.performance));
    const lcp = Math.max(...scores.map((s) => s.lcpMs));
    const tbt = Math.max(...scores.map((s) => s.tbtMs));
    console.log(`\nTargets: performance ≥ 90 and LCP ≤ 2500 ms on every page; no serious or critical axe violation (light and dark).`);
    console.log(`lighthouse_mobile_min=${min} lcp_mobile_max_ms=${lcp.toFixed(0)} tbt_mobile_max_ms=${tbt.toFixed(0)} axe_serious=${axeSerious} pages=${scores.length}`);
  } finally {
    await stack.stop();
  }
}

runMain(main);
