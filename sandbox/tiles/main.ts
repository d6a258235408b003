import { closeOnSignals } from "../shared/http";
import { startTileSimulator } from "./server";

/** `npx tsx sandbox/tiles/main.ts --port 4300`: the map tile stand-in (MAP_TILE_URL=http://localhost:4300/{z}/{x}/{y}.png). */
const i = process.argv.indexOf("--port");
const port = Number.parseInt(i >= 0 ? (process.argv[i + 1] ?? "") : (process.env.TILE_SIM_PORT ?? "4300"), 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("Invalid port: pass --port <0-65535> or set TILE_SIM_PORT.");
  process.exit(2);
}
const sim = await startTileSimulator({ port });
console.log(`Tile simulator listening on ${sim.url}`);
closeOnSignals("Tile", sim);
