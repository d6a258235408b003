import { CrcCalculator, Encoder, Profile, type Mesg } from "@garmin/fitsdk";
import { toFitSeconds } from "../fit-values";

/** Helpers for the team-written FIT fixtures: typed message writing and byte-level rewrites the SDK cannot do. */

export const FIXTURE_START = new Date("2026-04-18T08:00:00Z");
export const START = toFitSeconds(FIXTURE_START);

/** `write<RecordMesg>("RECORD", …)` checks field names against the SDK's types. */
export function writer(encoder: Encoder) {
  return <T extends Mesg>(name: string, mesg: T) => encoder.onMesg(Profile.MesgNum[name] ?? Number.NaN, mesg);
}

interface Def {
  body: Uint8Array;
  global: number;
  size: number;
  timestampAt: number | null;
  fields: { number: number; size: number; offset: number }[];
}

/**
 * Rewrites an SDK-encoded file so that record messages use compressed-timestamp headers, as some head units write
 * them: each record's timestamp field is dropped from its definition and its low 5 bits go into the record header
 * (FIT protocol, "Compressed Timestamp Header"). Records must be less than 32 s apart.
 */
export function compressRecordTimestamps(bytes: Uint8Array): Uint8Array {
  const headerSize = bytes[0] ?? 14;
  const dataSize = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const defs = new Map<number, Def>();
  const out: number[] = [];
  let active: Uint8Array | null = null; // the stripped record definition on local type 3
  let activeOn0: Uint8Array | null = null;
  let i = headerSize;
  const end = headerSize + dataSize;
  while (i < end) {
    const header = bytes[i++] ?? 0;
    if (header & 0x40) {
      const start = i;
      const count = bytes[i + 4] ?? 0;
      const fields: Def["fields"] = [];
      let size = 0;
      for (let f = 0; f < count; f++) {
        const number = bytes[i + 5 + 3 * f] ?? 0;
        const fieldSize = bytes[i + 6 + 3 * f] ?? 0;
        fields.push({ number, size: fieldSize, offset: size });
        size += fieldSize;
      }
      i += 5 + 3 * count;
      const timestamp = fields.find((f) => f.number === 253);
      defs.set(header & 0x0f, { body: bytes.slice(start, i), global: (bytes[start + 2] ?? 0) | ((bytes[start + 3] ?? 0) << 8), size, timestampAt: timestamp?.offset ?? null, fields });
      continue;
    }
    const def = defs.get(header & 0x0f);
    if (!def) throw new Error("fixture: data before definition");
    const data = bytes.subarray(i, i + def.size);
    i += def.size;
    if (def.global === 20 && def.timestampAt !== null) {
      const stripped = def.fields.filter((f) => f.number !== 253);
      const body = new Uint8Array(5 + 3 * stripped.length);
      body.set(def.body.subarray(0, 4), 0);
      body[4] = stripped.length;
      stripped.forEach((f, k) => body.set(def.body.subarray(5 + 3 * def.fields.indexOf(f), 8 + 3 * def.fields.indexOf(f)), 5 + 3 * k));
      if (!active || Buffer.compare(Buffer.from(active), Buffer.from(body)) !== 0) {
        out.push(0x40 | 3, ...body);
        active = body;
      }
      const timestamp = new DataView(data.buffer, data.byteOffset + def.timestampAt, 4).getUint32(0, true);
      out.push(0x80 | (3 << 5) | (timestamp & 0x1f));
      for (const f of stripped) out.push(...data.subarray(f.offset, f.offset + f.size));
      continue;
    }
    if (!activeOn0 || Buffer.compare(Buffer.from(activeOn0), Buffer.from(def.body)) !== 0) {
      out.push(0x40, ...def.body);
      activeOn0 = def.body;
    }
    out.push(0x00, ...data);
  }
  const file = new Uint8Array(headerSize + out.length + 2);
  file.set(bytes.subarray(0, headerSize), 0);
  const view = new DataView(file.buffer);
  view.setUint32(4, out.length, true);
  if (headerSize === 14) view.setUint16(12, CrcCalculator.calculateCRC(file, 0, 12), true);
  file.set(out, headerSize);
  view.setUint16(headerSize + out.length, CrcCalculator.calculateCRC(file, 0, headerSize + out.length), true);
  return file;
}
