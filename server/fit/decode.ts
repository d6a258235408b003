import "server-only";
import { gunzipSync } from "node:zlib";
import { Decoder, Stream, type DecoderOptions, type FitMessages } from "@garmin/fitsdk";
import { expandCompressedTimestamps } from "./compressed-timestamps";
import { activityFromMessages } from "./decode-activity";
import { fitFileError, MAX_FIT_INFLATED_BYTES, MAX_FIT_MESSAGES, MAX_FIT_UPLOAD_BYTES, type Activity } from "@/lib/domain/activity";

/**
 * An uploaded .fit or .fit.gz → Activity (pure CPU; node:zlib only). The content decides, never the file name:
 * gzip (1f 8b) is inflated under a hard cap and sniffed again, and the result must be a FIT file (".FIT" header).
 * Every failure is an AppError (`fit.*`) whose message can be shown to the user as is.
 *
 * Records written with compressed-timestamp headers (valid FIT that the SDK refuses) are rewritten first
 * (compressed-timestamps.ts).
 *
 * Speed: records are decoded without Date objects, component expansion or heart-rate merging (a 2-hour 1 Hz ride
 * decodes several times faster; see bench/fit.ts). Files that carry HR messages (heart rate stored by a strap, e.g.
 * swims) are read again with the SDK defaults so their heart rate is merged into the records.
 */
export interface DecodeFitOptions {
  /** most bytes accepted as uploaded (default MAX_FIT_UPLOAD_BYTES) */
  maxBytes?: number;
  /** most bytes a .fit.gz may inflate to (default MAX_FIT_INFLATED_BYTES) */
  maxInflatedBytes?: number;
  /** most messages the file may hold (default MAX_FIT_MESSAGES); decoding stops at the first one over */
  maxMessages?: number;
}

const ACCEPTED = "Only .fit and .fit.gz files are accepted.";
const FAST_READ: DecoderOptions = { convertDateTimesToDates: false, expandComponents: false, mergeHeartRates: false };
const MERGING_READ: DecoderOptions = { convertDateTimesToDates: false };

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** Exact byte counts for messages where a rounded size would hide the difference ("78,213 bytes"). */
const exactBytes = (bytes: number) => `${bytes.toLocaleString("en-US")} bytes`;

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

interface FitHeader {
  headerSize: number;
  dataSize: number;
}

function fitHeader(bytes: Uint8Array): FitHeader | null {
  const headerSize = bytes[0];
  if ((headerSize !== 12 && headerSize !== 14) || bytes.byteLength < headerSize) return null;
  if (String.fromCharCode(bytes[8] ?? 0, bytes[9] ?? 0, bytes[10] ?? 0, bytes[11] ?? 0) !== ".FIT") return null;
  const dataSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  return { headerSize, dataSize };
}

/** What a non-FIT file looks like, for the error message. */
function describeNonFit(bytes: Uint8Array, inflated: boolean): string {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1").replace(/^\u00ef\u00bb\u00bf/, "").trimStart();
  if (head.startsWith("<")) {
    if (/TrainingCenterDatabase/i.test(head)) return "This is a TCX file, not a FIT file.";
    if (/<gpx[\s>]/i.test(head)) return "This is a GPX file, not a FIT file.";
    return "This is an XML file, not a FIT file.";
  }
  if (isZip(bytes)) return "This is a zip archive, not a FIT file: unzip it and upload the .fit file inside.";
  if (isGzip(bytes)) return "This .gz file contains another compressed file, not a FIT file.";
  return inflated ? "This .gz file does not contain a FIT file." : "This is not a FIT file.";
}

function gunzip(bytes: Uint8Array, maxInflatedBytes: number): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxInflatedBytes }));
  } catch (cause) {
    if (cause instanceof Error && "code" in cause && cause.code === "ERR_BUFFER_TOO_LARGE") {
      throw fitFileError(
        "too_large",
        `This file inflates to more than ${formatSize(maxInflatedBytes)} when unpacked, far more than any single activity (a 10-hour ride is about 3 MB). Upload the .fit file of one activity.`,
        { cause },
      );
    }
    throw fitFileError("gzip", "The .gz file is damaged or incomplete and cannot be decompressed.", { cause });
  }
}

/** The FIT bytes of an upload: size limits, gzip, and the header checks. */
export function fitBytes(bytes: Uint8Array, opts: DecodeFitOptions = {}): Uint8Array {
  const maxBytes = opts.maxBytes ?? MAX_FIT_UPLOAD_BYTES;
  if (bytes.byteLength === 0) throw fitFileError("empty", "The file is empty.");
  if (bytes.byteLength > maxBytes) {
    throw fitFileError("too_large", `The file is ${formatSize(bytes.byteLength)}; the limit is ${formatSize(maxBytes)}.`);
  }
  let data = bytes;
  const inflated = isGzip(bytes);
  if (inflated) {
    data = gunzip(bytes, opts.maxInflatedBytes ?? MAX_FIT_INFLATED_BYTES);
    if (data.byteLength === 0) throw fitFileError("empty", "The .gz file contains an empty file.");
  }
  const header = fitHeader(data);
  if (!header) throw fitFileError("not_fit", `${describeNonFit(data, inflated)} ${ACCEPTED}`);
  const expected = header.headerSize + header.dataSize + 2;
  if (data.byteLength < expected) {
    throw fitFileError(
      "truncated",
      `The FIT file is incomplete: its header promises ${exactBytes(expected)} but the file has ${data.byteLength.toLocaleString("en-US")}. It was probably cut off during transfer; export it again.`,
    );
  }
  return data;
}

class TooManyMessages extends Error {}

/** A listener that stops the decoder once a file holds more messages than any activity needs. */
function countingListener(maxMessages: number): DecoderOptions["mesgListener"] {
  let seen = 0;
  return () => {
    seen += 1;
    if (seen > maxMessages) throw new TooManyMessages();
  };
}

function readMessages(file: Uint8Array, maxMessages: number): FitMessages {
  if (!new Decoder(Stream.fromByteArray(file)).checkIntegrity()) {
    throw fitFileError("corrupt", "The FIT file is damaged: its checksum does not match its contents. Export it again from your device or app.");
  }
  const data = expandCompressedTimestamps(file);
  const decoder = new Decoder(Stream.fromByteArray(data));
  let { messages, errors } = decoder.read({ ...FAST_READ, mesgListener: countingListener(maxMessages) });
  if (!errors.length && messages.hrMesgs?.length) ({ messages, errors } = new Decoder(Stream.fromByteArray(data)).read(MERGING_READ));
  const [error] = errors;
  if (error instanceof TooManyMessages) {
    throw fitFileError("too_large", `This file holds more than ${maxMessages.toLocaleString("en-US")} messages, far more than any single activity (a 10-hour ride at one sample a second has about 36,000). Upload the .fit file of one activity.`);
  }
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fitFileError("corrupt", `The FIT file could not be read (${reason}). Export it again from your device or app.`, { cause: error });
  }
  return messages;
}

/** Decode an uploaded .fit or .fit.gz; throws an AppError with a `fit.*` code. */
export function decodeFit(bytes: Uint8Array, opts: DecodeFitOptions = {}): Activity {
  return activityFromMessages(readMessages(fitBytes(bytes, opts), opts.maxMessages ?? MAX_FIT_MESSAGES));
}
