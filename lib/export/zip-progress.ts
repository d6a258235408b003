/**
 * Progress of a ZIP download as it arrives: walks the local file headers of an archive written with sizes up front
 * (server/accounts/zip.ts) and counts entries, so "Download my data" can show workouts received, not just bytes.
 * Stops counting at the central directory. Pure: chunks in, counts out.
 */
export interface ZipProgress {
  bytes: number;
  entries: number;
  /** entries whose name matches the counter's pattern (one per workout) */
  matching: number;
}

const LOCAL = 0x04034b50;

export function zipProgressCounter(matches: (name: string) => boolean) {
  let pending = new Uint8Array(0);
  let skip = 0;
  let done = false;
  const progress: ZipProgress = { bytes: 0, entries: 0, matching: 0 };
  const decoder = new TextDecoder();
  return {
    push(chunk: Uint8Array): ZipProgress {
      progress.bytes += chunk.byteLength;
      if (done) return { ...progress };
      let buf = chunk;
      if (skip >= buf.byteLength) {
        skip -= buf.byteLength;
        return { ...progress };
      }
      buf = buf.subarray(skip);
      skip = 0;
      if (pending.byteLength) {
        const joined = new Uint8Array(pending.byteLength + buf.byteLength);
        joined.set(pending);
        joined.set(buf, pending.byteLength);
        buf = joined;
      }
      for (;;) {
        if (buf.byteLength < 30) break;
        const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        if (view.getUint32(0, true) !== LOCAL) {
          done = true;
          break;
        }
        const nameLength = view.getUint16(26, true);
        const headerLength = 30 + nameLength + view.getUint16(28, true);
        if (buf.byteLength < headerLength) break;
        progress.entries++;
        if (matches(decoder.decode(buf.subarray(30, 30 + nameLength)))) progress.matching++;
        const next = headerLength + view.getUint32(18, true);
        if (next > buf.byteLength) {
          skip = next - buf.byteLength;
          buf = new Uint8Array(0);
          break;
        }
        buf = buf.subarray(next);
      }
      pending = done ? new Uint8Array(0) : buf.slice();
      return { ...progress };
    },
  };
}
