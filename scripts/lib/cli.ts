import { parseArgs, type ParseArgsConfig } from "node:util";
import { AppError, isAppError } from "@/lib/errors/app-error";

/** What every command-line subcommand shares: injectable output, usage errors (exit 2), unexpected failures (exit 1). */

export interface CliIo {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** A problem with what the user asked for: printed with the usage, exit code 2. */
export function usageError(message: string): AppError {
  return new AppError("input.invalid", { message });
}

/** Strict `--name value` options and no positionals; an unknown or malformed option is a usage error. */
export function parseOptions<const O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

type Write = (text: string) => void;

export async function runCommand(name: string, usage: string, io: CliIo, work: (out: Write, err: Write) => Promise<number>): Promise<number> {
  const out = io.stdout ?? ((text: string) => process.stdout.write(text));
  const err = io.stderr ?? ((text: string) => process.stderr.write(text));
  try {
    return await work(out, err);
  } catch (error) {
    if (isAppError(error, "input.invalid")) {
      err(`${name}: ${error.message}\n${usage}\n`);
      return 2;
    }
    err(`${name}: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** Run a script's main: exit 0 when it resolves, print the error and exit 1 when it throws. */
export function runMain(main: () => Promise<unknown>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
