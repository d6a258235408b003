import "server-only";
import type { RecordMesg } from "@garmin/fitsdk";
import { finiteNumber, fitSeconds } from "./fit-values";
import { fitFileError, type ActivitySamples } from "@/lib/domain/activity";

/**
 * FIT record messages → the 1 Hz timeline (pure).
 *
 * A record at time t lands in slot round(t − start). Between two records at most MAX_HELD_GAP_SECONDS apart, each
 * channel keeps the earlier record's value (devices with smart recording write a record only when something changes);
 * a longer gap, or one in which the timer stopped, is a pause or dropout and stays null. A record that lacks a
 * channel means "no reading" for that channel in that second (it is never filled from a neighbour), with one
 * exception: in a recording (or a leg of a multisport file) that has a power channel, a record that carries other
 * readings but no power is 0 W.
 * Head units leave the field out while the rider coasts (the crank stops, the meter sends nothing), and count those
 * seconds as 0 W in their own averages and NP; dropping them would lift NP by tens of watts on a hilly ride. A record
 * with no reading at all (how encode.ts marks the start of a dropout) stays empty.
 */
export const MAX_HELD_GAP_SECONDS = 5;
/** Longest timeline we build (a week); anything longer is a file with broken timestamps. */
export const MAX_ACTIVITY_SECONDS = 7 * 24 * 3600;

type Channel = keyof ActivitySamples;
const CHANNELS: readonly Channel[] = ["power", "cadence", "heartRate", "speed", "distance", "altitude", "grade", "latitude", "longitude"];
/** FIT positions are semicircles: 2^31 of them make 180°. */
const DEGREES_PER_SEMICIRCLE = 180 / 2 ** 31;

function degrees(semicircles: unknown, limit: number): number | null {
  const v = finiteNumber(semicircles);
  if (v === null) return null;
  const d = v * DEGREES_PER_SEMICIRCLE;
  return Math.abs(d) <= limit ? d : null;
}

function channelValue(record: RecordMesg, channel: Channel): number | null {
  switch (channel) {
    case "power":
      return finiteNumber(record.power);
    case "cadence":
      return finiteNumber(record.cadence);
    case "heartRate": {
      // 0 bpm is a strap that lost contact: no reading (counted in no average, never written back as 0)
      const bpm = finiteNumber(record.heartRate);
      return bpm !== null && bpm > 0 ? bpm : null;
    }
    case "speed":
      return finiteNumber(record.enhancedSpeed) ?? finiteNumber(record.speed);
    case "distance":
      return finiteNumber(record.distance);
    case "altitude":
      return finiteNumber(record.enhancedAltitude) ?? finiteNumber(record.altitude);
    case "grade":
      return finiteNumber(record.grade);
    case "latitude":
      return degrees(record.positionLat, 90);
    case "longitude":
      return degrees(record.positionLong, 180);
  }
}

export interface Timeline {
  length: number;
  samples: ActivitySamples;
  /** slots with a reading in any channel */
  secondsWithData: number;
}

/** A span of FIT seconds [from, to) with the timer stopped. */
export interface TimerPause {
  from: number;
  to: number;
}

/**
 * `start` (FIT seconds) must not be later than the first record; `pauses` are the spans (FIT seconds) between a
 * timer stop and the next start; `legStarts` (FIT seconds, ascending) where the legs of a multisport file begin, so
 * that a leg without a power meter (the run of a brick) stays without power. Records without a usable timestamp are
 * skipped.
 */
export function resampleRecords(records: readonly RecordMesg[], start: number, pauses: readonly TimerPause[], legStarts: readonly number[] = []): Timeline {
  const slots: number[] = new Array<number>(records.length);
  let length = 0;
  records.forEach((record, k) => {
    const t = fitSeconds(record.timestamp);
    const slot = t === null ? -1 : Math.round(t - start);
    slots[k] = slot;
    if (slot + 1 > length) length = slot + 1;
  });
  if (length > MAX_ACTIVITY_SECONDS) {
    throw fitFileError("corrupt", "The FIT file's timestamps span more than a week, so it cannot be read as one activity.");
  }

  const hasRecord = new Uint8Array(length);
  const values = new Map<Channel, Float64Array>();
  const legOf = (record: RecordMesg) => {
    const t = fitSeconds(record.timestamp) ?? start;
    let leg = 0;
    while (leg < legStarts.length && (legStarts[leg] ?? Infinity) <= t) leg++;
    return leg;
  };
  const legsWithPower = new Set(records.filter((record) => channelValue(record, "power") !== null).map(legOf));
  records.forEach((record, k) => {
    const slot = slots[k] ?? -1;
    if (slot < 0) return;
    hasRecord[slot] = 1;
    const coasting = channelValue(record, "power") === null && legsWithPower.has(legOf(record)) && CHANNELS.some((c) => channelValue(record, c) !== null);
    for (const channel of CHANNELS) {
      const v = channelValue(record, channel) ?? (channel === "power" && coasting ? 0 : null);
      if (v === null) continue;
      let column = values.get(channel);
      if (!column) values.set(channel, (column = new Float64Array(length).fill(Number.NaN)));
      column[slot] = v;
    }
  });

  // stopsBefore[i]: timer stops in slots < i (a stop in [last record, next record) ends the hold)
  const stopsBefore = new Int32Array(length + 1);
  for (const { from: stop } of pauses) {
    const slot = Math.min(length, Math.max(0, Math.round(stop - start)));
    if (slot < length) stopsBefore[slot + 1] = (stopsBefore[slot + 1] ?? 0) + 1;
  }
  for (let i = 1; i <= length; i++) stopsBefore[i] = (stopsBefore[i] ?? 0) + (stopsBefore[i - 1] ?? 0);

  // holdFrom[i]: the record slot whose values slot i shows (itself for a record slot), or -1 for no data
  const holdFrom = new Int32Array(length).fill(-1);
  let next = -1;
  for (let i = length - 1; i >= 0; i--) {
    if (hasRecord[i]) {
      holdFrom[i] = i;
      next = i;
    } else holdFrom[i] = next; // temporarily the next record slot
  }
  let last = -1;
  for (let i = 0; i < length; i++) {
    if (hasRecord[i]) {
      last = i;
      continue;
    }
    const following = holdFrom[i] ?? -1;
    const held = last >= 0 && following > 0 && following - last <= MAX_HELD_GAP_SECONDS && stopsBefore[following] === stopsBefore[last];
    holdFrom[i] = held ? last : -1;
  }

  const samples: ActivitySamples = {};
  const anyData = new Uint8Array(length);
  for (const [channel, column] of values) {
    const out = new Array<number | null>(length);
    for (let i = 0; i < length; i++) {
      const from = holdFrom[i] ?? -1;
      const v = from >= 0 ? (column[from] ?? Number.NaN) : Number.NaN;
      if (Number.isNaN(v)) out[i] = null;
      else {
        out[i] = v;
        anyData[i] = 1;
      }
    }
    samples[channel] = out;
  }
  let secondsWithData = 0;
  for (const flag of anyData) secondsWithData += flag;
  return { length, samples, secondsWithData };
}
