import "server-only";
import { CrcCalculator } from "@garmin/fitsdk";

/**
 * FIT files may write data messages with a compressed-timestamp record header (FIT protocol: header bit 7 set, local
 * message type in bits 5–6, the low 5 bits of the timestamp in bits 0–4; the full time follows from the last
 * timestamp seen). Head units and apps that save space use it for records; Garmin's JavaScript SDK refuses it
 * ("compressed timestamp messages are not currently supported"). So before decoding, such a file is rewritten
 * (pure, bytes in → bytes out): every compressed message becomes an ordinary data message on local type 12–15 whose
 * definition is the original one plus a timestamp field (253, uint32). Definitions are re-emitted lazily whenever a
 * local type's active definition changes, so the file's own messages on those types keep theirs. Header data size,
 * header CRC and file CRC are recomputed. A file without compressed headers is returned unchanged, and one whose
 * structure cannot be walked is returned unchanged too (the SDK then reports what is wrong with it).
 */
const TIMESTAMP_FIELD = 253;
const UINT32 = 0x86;
const ROLLOVER = 0x20;
const OFFSET_MASK = 0x1f;

interface Definition {
  littleEndian: boolean;
  /** the definition message's bytes after its header byte */
  body: Uint8Array;
  hasDeveloperFields: boolean;
  /** bytes of the ordinary fields, then of the developer fields */
  fieldBytes: number;
  developerBytes: number;
  timestampOffset: number | null;
}

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public at: number,
  ) {}
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new RangeError("past the end");
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  byte(): number {
    return this.take(1)[0] ?? 0;
  }
}

function readDefinition(reader: Reader, header: number): Definition {
  const start = reader.at;
  reader.take(1); // reserved
  const littleEndian = reader.byte() === 0;
  reader.take(2); // global message number
  const count = reader.byte();
  let fieldBytes = 0;
  let timestampOffset: number | null = null;
  for (let i = 0; i < count; i++) {
    const [number = 0, size = 0] = reader.take(3);
    if (number === TIMESTAMP_FIELD && size === 4) timestampOffset = fieldBytes;
    fieldBytes += size;
  }
  const hasDeveloperFields = (header & 0x20) !== 0;
  let developerBytes = 0;
  if (hasDeveloperFields) {
    const devCount = reader.byte();
    for (let i = 0; i < devCount; i++) developerBytes += reader.take(3)[1] ?? 0;
  }
  return { littleEndian, body: reader.bytes.slice(start, reader.at), hasDeveloperFields, fieldBytes, developerBytes, timestampOffset };
}

/** The definition with a uint32 timestamp appended to its ordinary fields (before any developer fields). */
function withTimestamp(def: Definition): Uint8Array {
  const fieldsEnd = 5 + 3 * (def.body[4] ?? 0);
  const out = new Uint8Array(def.body.length + 3);
  out.set(def.body.subarray(0, fieldsEnd), 0);
  out[4] = (def.body[4] ?? 0) + 1;
  out.set([TIMESTAMP_FIELD, 4, UINT32], fieldsEnd);
  out.set(def.body.subarray(fieldsEnd), fieldsEnd + 3);
  return out;
}

class Writer {
  private chunks: Uint8Array[] = [];
  length = 0;
  /** per output local type: the definition body currently in force */
  private active = new Map<number, string>();
  push(bytes: Uint8Array) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  define(localType: number, body: Uint8Array, hasDeveloperFields: boolean) {
    const key = Buffer.from(body).toString("latin1") + (hasDeveloperFields ? "+dev" : "");
    if (this.active.get(localType) === key) return;
    this.active.set(localType, key);
    this.push(Uint8Array.of(0x40 | (hasDeveloperFields ? 0x20 : 0) | localType));
    this.push(body);
  }
  concat(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

function uint32(value: number, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value >>> 0, littleEndian);
  return out;
}

/** The data records of one FIT file rewritten, or null when it has no compressed headers. Throws RangeError on bad structure. */
function rewriteRecords(bytes: Uint8Array, from: number, to: number): Uint8Array | null {
  const reader = new Reader(bytes.subarray(0, to), from);
  const definitions = new Map<number, Definition>();
  const writer = new Writer();
  let lastTimestamp: number | null = null;
  let compressed = 0;
  while (reader.at < to) {
    const header = reader.byte();
    if (header & 0x80) {
      const local = (header >> 5) & 0x03;
      const def = definitions.get(local);
      if (!def || lastTimestamp === null) throw new RangeError("compressed timestamp without a definition or a reference time");
      const offset = header & OFFSET_MASK;
      let timestamp: number = (lastTimestamp & ~OFFSET_MASK) + offset;
      if (offset < (lastTimestamp & OFFSET_MASK)) timestamp += ROLLOVER;
      timestamp >>>= 0;
      lastTimestamp = timestamp;
      const fields = reader.take(def.fieldBytes);
      const developer = reader.take(def.developerBytes);
      writer.define(12 + local, withTimestamp(def), def.hasDeveloperFields);
      writer.push(Uint8Array.of(12 + local));
      writer.push(fields);
      writer.push(uint32(timestamp, def.littleEndian));
      writer.push(developer);
      compressed++;
    } else if (header & 0x40) {
      definitions.set(header & 0x0f, readDefinition(reader, header));
    } else {
      const local = header & 0x0f;
      const def = definitions.get(local);
      if (!def) throw new RangeError("data message without a definition");
      const data = reader.take(def.fieldBytes + def.developerBytes);
      if (def.timestampOffset !== null) {
        lastTimestamp = new DataView(data.buffer, data.byteOffset + def.timestampOffset, 4).getUint32(0, def.littleEndian);
      }
      writer.define(local, def.body, def.hasDeveloperFields);
      writer.push(Uint8Array.of(local));
      writer.push(data);
    }
  }
  return compressed ? writer.concat() : null;
}

/** `bytes` must be a whole, CRC-checked FIT file (decode.ts checks both first). */
export function expandCompressedTimestamps(bytes: Uint8Array): Uint8Array {
  const headerSize = bytes[0] ?? 0;
  const dataSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  let records: Uint8Array | null;
  try {
    records = rewriteRecords(bytes, headerSize, headerSize + dataSize);
  } catch (error) {
    if (error instanceof RangeError) return bytes;
    throw error;
  }
  if (!records) return bytes;
  const out = new Uint8Array(headerSize + records.length + 2);
  out.set(bytes.subarray(0, headerSize), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, records.length, true);
  if (headerSize >= 14) view.setUint16(12, CrcCalculator.calculateCRC(out, 0, 12), true);
  out.set(records, headerSize);
  view.setUint16(headerSize + records.length, CrcCalculator.calculateCRC(out, 0, headerSize + records.length), true);
  return out;
}
