/**
 * CLI: `npx tsx sandbox/trainingpeaks/main.ts --port 4100 [--redirect-uri URL ...] [--public-url URL]
 * [--token-ttl SECONDS] [--upload-polls N] [--state-dir DIR] [--quiet]`. `--state-dir` (or SIM_STATE_DIR) keeps grants,
 * tokens and uploads in DIR/trainingpeaks.json across restarts. Environment fallbacks: TP_SIM_PORT, TP_SIM_REDIRECT_URIS
 * (comma-separated), TP_SIM_PUBLIC_URL, TP_SIM_TOKEN_TTL, TP_SIM_UPLOAD_POLLS. `--upload-polls` is how many
 * `GET /v3/status/{id}` polls answer "Processing" before an upload succeeds (default 1).
 */
import { parseArgs } from "node:util";
import { closeOnSignals } from "../shared/http";
import { startTrainingPeaksSimulator } from "./server";

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "public-url": { type: "string" },
      "redirect-uri": { type: "string", multiple: true },
      "token-ttl": { type: "string" },
      "refresh-grace": { type: "string" },
      "upload-polls": { type: "string" },
      "state-dir": { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const envRedirects = (process.env.TP_SIM_REDIRECT_URIS ?? "")
    .split(",")
    .map((uri) => uri.trim())
    .filter(Boolean);
  const redirectUris = values["redirect-uri"] ?? (envRedirects.length > 0 ? envRedirects : undefined);
  const port = integer("--port", values.port ?? process.env.TP_SIM_PORT) ?? 4100;
  const simulator = await startTrainingPeaksSimulator({
    port,
    host: values.host,
    publicUrl: values["public-url"] ?? process.env.TP_SIM_PUBLIC_URL,
    redirectUris,
    accessTokenTtlSeconds: integer("--token-ttl", values["token-ttl"] ?? process.env.TP_SIM_TOKEN_TTL),
    refreshGraceSeconds: integer("--refresh-grace", values["refresh-grace"]),
    uploadProcessingPolls: integer("--upload-polls", values["upload-polls"] ?? process.env.TP_SIM_UPLOAD_POLLS),
    quiet: values.quiet,
    stateDir: values["state-dir"] ?? process.env.SIM_STATE_DIR,
  });
  console.log(`TrainingPeaks simulator listening on ${simulator.url}`);

  closeOnSignals("TrainingPeaks", simulator);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
