/**
 * `npm run tp -- <command>`: TrainingPeaks tools.
 *   compare --file <x.fit|x.fit.gz> [--date YYYY-MM-DD] [--ftp W] [--user <email>] [--offline] [--json]
 * See scripts/tp/compare.ts for the output contract and exit codes.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CliIo } from "./lib/cli";
import { COMPARE_USAGE, runCompare } from "./tp/compare";

export const USAGE = `usage: npm run tp -- <command> [options]\n\n${COMPARE_USAGE}`;

/** Runs one command; exported so tests call it in-process. Exit codes: those of the command, 64 for a bad command. */
export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  const out = io.stdout ?? ((text: string) => process.stdout.write(text));
  const err = io.stderr ?? ((text: string) => process.stderr.write(text));
  const [command, ...rest] = argv;
  if (command === "compare") return runCompare(rest, io);
  if (command === "help" || command === "--help" || command === "-h") {
    out(`${USAGE}\n`);
    return 0;
  }
  err(`${command ? `tp: unknown command "${command}"\n` : ""}${USAGE}\n`);
  return 64;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { localEnvironment } = await import("./lib/local-env");
  for (const [k, v] of Object.entries(localEnvironment())) if (v !== undefined && process.env[k] === undefined) process.env[k] = v;
  const { closeDb } = await import("../server/db/client");
  const code = await main(process.argv.slice(2)).finally(() => closeDb());
  process.exit(code);
}
