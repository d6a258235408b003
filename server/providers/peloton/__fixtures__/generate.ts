/**
 * Writes the workout fixtures in ./workouts from the spec's shapes (not from the simulator; only the ride-details keys
 * AutoCoach never reads are the simulator's RIDE_DETAILS_EXTRAS):
 *   npx tsx lib/integrations/peloton/__fixtures__/generate.ts
 * Deterministic (seeded), so re-running leaves the files unchanged unless a scenario changed.
 * Per scenario: <name>.workout.json (GET /api/workout/{id}?joins=ride,ride.instructor), <name>.graph.json
 * (performance_graph, compact like the real response) and, for classes, <name>.ride.json (ride details).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TESS, outdoorWalk, treadRun } from "./scenarios-other";
import { DANA, MILO, powerZoneRide, type Scenario } from "./scenarios-bike";
import { cueRide, distanceRide, inProgressRide, justRide, ridesWithDropouts } from "./scenarios-bike-more";
import { meditation, row, strength } from "./scenarios-floor";
import { USER_ID, type JsonObject } from "./builders";

export function allScenarios(): Scenario[] {
  return [powerZoneRide(), cueRide(), justRide(), distanceRide(), ridesWithDropouts(), inProgressRide(), treadRun(), outdoorWalk(), row(), strength(), meditation()];
}

/** A list page as GET /api/user/{id}/workouts returns it: list items lack the leaderboard fields. */
function workoutsPage(scenarios: Scenario[]): JsonObject {
  const items = scenarios.slice(0, 3).map(({ workout }) => {
    const { leaderboard_rank: _rank, total_leaderboard_users: _total, ...item } = workout;
    return item;
  });
  return {
    data: items,
    limit: 3,
    page: 0,
    total: 212,
    count: items.length,
    page_count: 71,
    show_previous: false,
    show_next: true,
    sort_by: "-created_at,-pk",
    next: { workout_id: String(scenarios[3]?.workout.id), created_at: Number(scenarios[3]?.workout.created_at) },
    summary: { cycling: 150 },
    aggregate_stats: [],
    user_id: USER_ID,
  };
}

function main() {
  const dir = path.join(import.meta.dirname, "workouts");
  mkdirSync(dir, { recursive: true });
  const scenarios = allScenarios();
  for (const s of scenarios) {
    writeFileSync(path.join(dir, `${s.name}.workout.json`), `${JSON.stringify(s.workout, null, 2)}\n`);
    writeFileSync(path.join(dir, `${s.name}.graph.json`), `${JSON.stringify(s.graph)}\n`);
    if (s.ride) writeFileSync(path.join(dir, `${s.name}.ride.json`), `${JSON.stringify(s.ride, null, 2)}\n`);
  }
  writeFileSync(path.join(dir, "workouts-page.json"), `${JSON.stringify(workoutsPage(scenarios), null, 2)}\n`);
  const instructors = [DANA, MILO, TESS];
  writeFileSync(
    path.join(dir, "instructors.json"),
    `${JSON.stringify({ data: instructors, page: 0, limit: 100, total: 3, count: 3, page_count: 1, show_previous: false, show_next: false, sort_by: "list_order" }, null, 2)}\n`,
  );
  process.stdout.write(`Wrote ${scenarios.length} scenarios to ${dir}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
