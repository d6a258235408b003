import { closeOnSignals } from "../shared/http";
import { startPelotonSimulator } from "./server";

/**
 * `npx tsx sandbox/peloton/main.ts --port 4200` (or PELOTON_SIM_PORT). `--state-dir DIR` (or SIM_STATE_DIR) keeps
 * tokens and added workouts in DIR/peloton.json across restarts.
 */
function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const prefixed = process.argv.find((a) => a.startsWith(`${name}=`));
  return prefixed?.slice(name.length + 1);
}

const portText = argValue("--port") ?? process.env.PELOTON_SIM_PORT ?? "4200";
const port = Number.parseInt(portText, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port "${portText}": pass --port <0-65535> or set PELOTON_SIM_PORT.`);
  process.exit(2);
}

const sim = await startPelotonSimulator({
  port,
  host: argValue("--host"),
  publicUrl: argValue("--public-url"),
  redirectChain: argValue("--redirect-chain") === "one-hop" ? "one-hop" : "six-hop",
  quiet: process.argv.includes("--quiet"),
  stateDir: argValue("--state-dir") ?? process.env.SIM_STATE_DIR,
  heavyMemberWorkouts: Number(argValue("--heavy-workouts") ?? process.env.PELOTON_SIM_HEAVY_WORKOUTS ?? 3000) || 3000,
});
console.log(`Peloton simulator listening on ${sim.url}`);

closeOnSignals("Peloton", sim);
