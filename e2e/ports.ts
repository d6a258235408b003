/**
 * Ports of the e2e stack (separate from the demo's 3000/4100/4200 so both can run side by side).
 * E2E_PORT_OFFSET shifts them all, so two checkouts can run their e2e suites at the same time. The tile simulator
 * (sandbox/tiles) stands in for a map tile server, so the route maps are tested with MAP_TILE_URL set.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
export const E2E_APP_PORT = 3100 + offset;
export const E2E_TP_PORT = 4110 + offset;
export const E2E_PELOTON_PORT = 4210 + offset;
export const E2E_TILE_PORT = 4170 + offset;
export const E2E_APP_URL = `http://localhost:${E2E_APP_PORT}`;
export const E2E_TP_URL = `http://localhost:${E2E_TP_PORT}`;
export const E2E_PELOTON_URL = `http://localhost:${E2E_PELOTON_PORT}`;
export const E2E_TILE_URL = `http://localhost:${E2E_TILE_PORT}`;

// Ports the Fetch standard blocks ("bad port" from Node's fetch), among those an offset can reach (4190 is ManageSieve).
const FETCH_BLOCKED = new Set([3659, 4045, 4190, 5060, 5061, 6000]);
for (const port of [E2E_APP_PORT, E2E_TP_PORT, E2E_PELOTON_PORT, E2E_TILE_PORT]) {
  if (FETCH_BLOCKED.has(port)) throw new Error(`E2E_PORT_OFFSET=${offset} puts an e2e server on port ${port}, which fetch refuses ("bad port"); pick another offset.`);
}
