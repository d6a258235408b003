/**
 * Writes a synthetic head-unit ride as FIT (gzipped) to stdout. The FIT encoder is server-only code, so the e2e specs
 * (plain Node, no react-server condition) run this through `tsx --conditions=react-server` instead of importing it.
 *   tsx --conditions=react-server e2e/make-fit.ts '{"seconds":1800,"laps":4,"startTime":"…","ftp":265}'
 */
import { gzipSync } from "node:zlib";
import { syntheticRide, type SyntheticRideOptions } from "../lib/metrics/__fixtures__/synthetic-activity";
import { encodeFit } from "../server/fit/encode";

const raw = JSON.parse(process.argv[2] ?? "{}") as Omit<SyntheticRideOptions, "startTime"> & { startTime?: string };
const activity = syntheticRide({ ...raw, startTime: raw.startTime ? new Date(raw.startTime) : undefined });
process.stdout.write(gzipSync(encodeFit(activity)));
