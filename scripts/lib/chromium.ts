import { existsSync } from "node:fs";
import { run } from "./proc";

/**
 * The Debian Chromium every browser tool here drives (Playwright never downloads one): CHROMIUM_PATH or
 * /usr/bin/chromium, installed by scripts/ensure-system-deps.sh when it is missing. Throws with the reason
 * when it cannot be installed, so a fresh machine gets a sentence instead of `spawn … ENOENT`.
 */
export async function ensureChromium(): Promise<string> {
  const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(chromiumPath)) return chromiumPath;
  const deps = await run("bash", ["scripts/ensure-system-deps.sh"], { quiet: true });
  if (deps.code !== 0 || !existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath} and could not be installed: ${deps.output.trim() || `exit ${deps.code}`}`);
  }
  return chromiumPath;
}
