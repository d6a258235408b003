/**
 * Helpers for upload tests: activity files built with Garmin's own encoder (`@garmin/fitsdk`) and a TCX writer,
 * plus `POST /v3/file` / `GET /v3/status` calls over real HTTP.
 */
import { gzipSync } from "node:zlib";
import { type ActivityMesg, Encoder, type EventMesg, type FileIdMesg, type LapMesg, type Mesg, Profile, type RecordMesg, type SessionMesg } from "@garmin/fitsdk";
import { z } from "zod";

/** One steady block of a synthetic ride or run, recorded at 1 Hz. */
export interface Block {
  seconds: number;
  watts?: number;
  heartRate?: number;
  cadence?: number;
  /** m/s */
  speed?: number;
}

export interface ActivitySpec {
  start: Date;
  blocks: Block[];
  /** FIT sport name (profile spelling): "cycling", "running", … Default "cycling". */
  sport?: string;
  calories?: number;
}

export const fileStatusSchema = z.object({ Completed: z.boolean(), Status: z.string(), WorkoutIds: z.array(z.number().int()) });
export const messagesSchema = z.array(z.string()).min(1);

function mesgNum(name: string): number {
  const num = Profile.MesgNum[name];
  if (num === undefined) throw new Error(`Unknown FIT message ${name}`);
  return num;
}

/** A FIT enum's raw value from its profile name (the SDK's message types take raw numbers). */
function fitEnum(type: string, name: string): number {
  const entry = Object.entries(Profile.types[type] ?? {}).find(([, value]) => value === name);
  if (!entry) throw new Error(`Unknown FIT ${type} value ${name}`);
  return Number(entry[0]);
}

/** Every 1 Hz sample of the spec, with cumulative distance. */
export function samplesOf(spec: ActivitySpec): (Block & { t: Date; distance: number })[] {
  const samples: (Block & { t: Date; distance: number })[] = [];
  let distance = 0;
  for (const block of spec.blocks) {
    for (let i = 0; i < block.seconds; i++) {
      samples.push({ ...block, t: new Date(spec.start.getTime() + samples.length * 1000), distance });
      distance += block.speed ?? 0;
    }
  }
  return samples;
}

/** A complete FIT activity file (file_id, timer events, 1 Hz records, lap, session, activity). */
export function buildFitActivity(spec: ActivitySpec): Uint8Array {
  const samples = samplesOf(spec);
  const seconds = samples.length;
  const end = new Date(spec.start.getTime() + seconds * 1000);
  const totalDistance = samples.reduce((total, sample) => total + (sample.speed ?? 0), 0);
  const sport = fitEnum("sport", spec.sport ?? "cycling");
  const encoder = new Encoder();
  const write = (name: string, mesg: Mesg) => encoder.onMesg(mesgNum(name), mesg);
  const fileId: FileIdMesg = { type: fitEnum("file", "activity"), manufacturer: fitEnum("manufacturer", "development"), product: 1, serialNumber: 4242, timeCreated: spec.start };
  write("FILE_ID", fileId);
  const timer = (timestamp: Date, eventType: string): EventMesg => ({ timestamp, event: fitEnum("event", "timer"), eventType: fitEnum("eventType", eventType) });
  write("EVENT", timer(spec.start, "start"));
  for (const sample of samples) {
    const record: RecordMesg = { timestamp: sample.t, power: sample.watts, heartRate: sample.heartRate, cadence: sample.cadence, speed: sample.speed, distance: sample.distance };
    write("RECORD", record);
  }
  write("EVENT", timer(end, "stopAll"));
  const totals = { startTime: spec.start, totalElapsedTime: seconds, totalTimerTime: seconds, totalDistance, totalCalories: spec.calories };
  const lap: LapMesg = { messageIndex: 0, timestamp: end, event: fitEnum("event", "lap"), eventType: fitEnum("eventType", "stop"), ...totals };
  write("LAP", lap);
  const session: SessionMesg = { messageIndex: 0, timestamp: end, event: fitEnum("event", "session"), eventType: fitEnum("eventType", "stop"), sport, subSport: 0, firstLapIndex: 0, numLaps: 1, ...totals };
  write("SESSION", session);
  const activity: ActivityMesg = { timestamp: end, numSessions: 1, type: fitEnum("activity", "manual"), event: fitEnum("event", "activity"), eventType: fitEnum("eventType", "stop"), totalTimerTime: seconds };
  write("ACTIVITY", activity);
  return encoder.close();
}

/** A Garmin-style TCX (TrainingCenterDatabase v2 with the ActivityExtension TPX block). */
export function buildTcx(spec: ActivitySpec & { tcxSport?: string }): string {
  const samples = samplesOf(spec);
  const points = samples
    .map(
      (sample) =>
        `<Trackpoint><Time>${sample.t.toISOString()}</Time><DistanceMeters>${sample.distance}</DistanceMeters>` +
        (sample.heartRate === undefined ? "" : `<HeartRateBpm><Value>${sample.heartRate}</Value></HeartRateBpm>`) +
        (sample.cadence === undefined ? "" : `<Cadence>${sample.cadence}</Cadence>`) +
        `<Extensions><ns3:TPX><ns3:Speed>${sample.speed ?? 0}</ns3:Speed>${sample.watts === undefined ? "" : `<ns3:Watts>${sample.watts}</ns3:Watts>`}</ns3:TPX></Extensions></Trackpoint>`,
    )
    .join("\n");
  const distance = samples.reduce((total, sample) => total + (sample.speed ?? 0), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
<Activities><Activity Sport="${spec.tcxSport ?? "Biking"}"><Id>${spec.start.toISOString()}</Id>
<Lap StartTime="${spec.start.toISOString()}"><TotalTimeSeconds>${samples.length}</TotalTimeSeconds><DistanceMeters>${distance}</DistanceMeters><Calories>${spec.calories ?? 0}</Calories>
<Track>
${points}
</Track></Lap></Activity></Activities></TrainingCenterDatabase>`;
}

export const gzip = (bytes: Uint8Array | string): Buffer => gzipSync(bytes);
export const base64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString("base64");

export function postFile(baseUrl: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL("/v3/file", baseUrl), {
    method: "POST",
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function getStatus(baseUrl: string, token: string, location: string): Promise<Response> {
  return fetch(new URL(location, baseUrl), { headers: { Authorization: `Bearer ${token}` } });
}

/** Poll until Completed (at most `maxPolls`), returning every answer. */
export async function pollUntilComplete(baseUrl: string, token: string, location: string, maxPolls = 10): Promise<z.infer<typeof fileStatusSchema>[]> {
  const answers: z.infer<typeof fileStatusSchema>[] = [];
  for (let poll = 0; poll < maxPolls; poll++) {
    const response = await getStatus(baseUrl, token, location);
    if (response.status !== 200) throw new Error(`status answered ${response.status}`);
    const answer = fileStatusSchema.parse(await response.json());
    answers.push(answer);
    if (answer.Completed) return answers;
  }
  throw new Error(`upload still processing after ${maxPolls} polls`);
}
