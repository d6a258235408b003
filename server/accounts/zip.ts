import "server-only";
import { promisify } from "node:util";
import { crc32, deflateRaw } from "node:zlib";

/**
 * A streaming ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): each entry is written as soon as it is given (stored, or
 * deflated off the main thread by zlib), so memory holds one entry plus ~60 bytes of central directory per entry.
 * Limits without ZIP64: 65,535 entries and 4 GiB in all; beyond them the stream fails rather than write a bad file.
 */

export interface ZipEntry {
  /** path inside the archive, `/`-separated, UTF-8 */
  name: string;
  data: Uint8Array;
  /** deflate (text, JSON); false stores it as is (already compressed) */
  compress?: boolean;
  modified?: Date;
}

const deflate = promisify(deflateRaw);
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;
const UTF8_FLAG = 0x0800;

interface Written {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  offset: number;
}

/** MS-DOS date and time (local fields taken as UTC; 2-second resolution; 1980 at the earliest). */
function dosDateTime(at: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    dosTime: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** The fields both headers carry, in the same order (flags, method, time, date, CRC, sizes, name length) from `at`. */
function entryFields(b: Buffer, e: Written, at: number): void {
  b.writeUInt16LE(UTF8_FLAG, at);
  b.writeUInt16LE(e.method, at + 2);
  b.writeUInt16LE(e.dosTime, at + 4);
  b.writeUInt16LE(e.dosDate, at + 6);
  b.writeUInt32LE(e.crc, at + 8);
  b.writeUInt32LE(e.compressedSize, at + 12);
  b.writeUInt32LE(e.size, at + 16);
  b.writeUInt16LE(e.name.length, at + 20);
}

function localHeader(e: Written): Uint8Array {
  const b = Buffer.alloc(30 + e.name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  entryFields(b, e, 6);
  b.writeUInt16LE(0, 28);
  b.set(e.name, 30);
  return b;
}

function centralHeader(e: Written): Uint8Array {
  const b = Buffer.alloc(46 + e.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  entryFields(b, e, 8);
  // extra, comment, disk number, internal attributes, external attributes: all 0
  b.writeUInt32LE(e.offset, 42);
  b.set(e.name, 46);
  return b;
}

function endOfCentralDirectory(count: number, size: number, offset: number): Uint8Array {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** The archive's bytes, chunk by chunk, as the entries arrive. */
export async function* zipChunks(entries: AsyncIterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const written: Written[] = [];
  let offset = 0;
  for await (const entry of entries) {
    if (written.length === MAX_ENTRIES) throw new Error(`zip: more than ${MAX_ENTRIES} entries need ZIP64`);
    const packed = entry.compress === false ? entry.data : new Uint8Array(await deflate(entry.data));
    const stored = entry.compress === false || packed.byteLength >= entry.data.byteLength;
    const body = stored ? entry.data : packed;
    const e: Written = {
      name: Buffer.from(entry.name, "utf8"),
      method: stored ? 0 : 8,
      crc: crc32(entry.data),
      compressedSize: body.byteLength,
      size: entry.data.byteLength,
      ...dosDateTime(entry.modified ?? new Date()),
      offset,
    };
    const header = localHeader(e);
    offset += header.byteLength + body.byteLength;
    if (offset > MAX_OFFSET) throw new Error("zip: archives over 4 GiB need ZIP64");
    written.push(e);
    yield header;
    yield body;
  }
  const start = offset;
  for (const e of written) {
    const header = centralHeader(e);
    offset += header.byteLength;
    yield header;
  }
  yield endOfCentralDirectory(written.length, offset - start, start);
}

/** A ReadableStream that pulls the next chunk only when the reader wants it (bounded memory under backpressure). */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
