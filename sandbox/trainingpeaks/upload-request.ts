import { gunzipSync } from "node:zlib";
import { parseDay } from "./dates";
import { formatSize } from "./responses";
import { parseWorkoutType, type WorkoutType } from "./workout-object";

/** The `POST /v3/file` body (docs/trainingpeaks-api.md §5.7) after validation, with `Data` decoded (and gunzipped). */
export interface UploadBody {
  uploadClient: string;
  filename: string;
  /** The file itself: base64-decoded and, when it was gzip-compressed, inflated. */
  file: Buffer;
  compressed: boolean;
  workoutDay: number | null;
  startTime: BodyTime | null;
  setWorkoutPublic: boolean;
  title: string | null;
  comment: string | null;
  type: WorkoutType | null;
  workoutId: number | null;
}

/** `StartTime` as sent: a zone-less local time, or an instant when it carried `Z` or an offset. */
export type BodyTime = { kind: "local"; day: number; secondOfDay: number } | { kind: "instant"; ms: number };

export type BodyResult = { ok: true; body: UploadBody } | { ok: false; status: 400 | 413; messages: string[] };

/** Longest `Title` W:WorkoutsObject allows. */
const MAX_TITLE_LENGTH = 500;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** `YYYY-MM-DD`, any time part ignored (W:Create says the same of planned workouts). */
const WORKOUT_DAY = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** JSON.NET binds property names case-insensitively; so does the simulator. */
function lowerCaseKeys(value: object): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const [key, field] of Object.entries(value)) fields.set(key.toLowerCase(), field);
  return fields;
}

function isRecord(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** .NET's Convert.FromBase64String: whitespace ignored, padding required, no URL-safe alphabet. */
export function decodeBase64(value: string): Buffer | null {
  const compact = value.replace(/\s+/g, "");
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return Buffer.from(compact, "base64");
}

export function parseBodyTime(value: string): BodyTime | null {
  const match = DATE_TIME.exec(value.trim());
  const day = match ? parseDay(match[1] ?? "") : null;
  if (!match || day === null) return null;
  const [hours, minutes, seconds] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  if (match[5] === undefined) return { kind: "local", day, secondOfDay: hours * 3600 + minutes * 60 + seconds };
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : { kind: "instant", ms };
}

class FieldReader {
  readonly messages: string[] = [];
  constructor(private readonly fields: Map<string, unknown>) {}

  private present(name: string): unknown {
    const value = this.fields.get(name.toLowerCase());
    return value === undefined || value === null ? undefined : value;
  }

  required(name: string): string {
    const value = this.present(name);
    if (typeof value === "string" && value.trim() !== "") return value;
    this.messages.push(value === undefined || value === "" ? `The ${name} field is required.` : `The ${name} field must be a string.`);
    return "";
  }

  optionalString(name: string, maxLength = Number.POSITIVE_INFINITY): string | null {
    const value = this.present(name);
    if (value === undefined) return null;
    if (typeof value !== "string") this.messages.push(`The ${name} field must be a string.`);
    else if (value.length > maxLength) this.messages.push(`The field ${name} must be a string with a maximum length of ${maxLength}.`);
    else return value;
    return null;
  }

  optionalParsed<T>(name: string, parse: (text: string) => T | null): T | null {
    const text = this.optionalString(name);
    if (text === null || text.trim() === "") return null;
    const parsed = parse(text);
    if (parsed === null) this.messages.push(`The value '${text}' is not valid for ${name}.`);
    return parsed;
  }

  optionalInteger(name: string): number | null {
    const value = this.present(name);
    if (value === undefined) return null;
    const parsed = typeof value === "string" && /^\d{1,18}$/.test(value.trim()) ? Number(value) : value;
    if (typeof parsed === "number" && Number.isSafeInteger(parsed) && parsed > 0) return parsed;
    this.messages.push(`The value '${String(value)}' is not valid for ${name}.`);
    return null;
  }

  optionalBoolean(name: string): boolean {
    const value = this.present(name);
    if (value === undefined || typeof value === "boolean") return value === true;
    this.messages.push(`The value '${String(value)}' is not valid for ${name}.`);
    return false;
  }
}

function inflate(data: Buffer, maxFileBytes: number): { ok: true; file: Buffer } | { ok: false; status: 400 | 413; message: string } {
  try {
    return { ok: true, file: gunzipSync(data, { maxOutputLength: maxFileBytes }) };
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, status: 413, message: `The decompressed file exceeds ${formatSize(maxFileBytes)}.` };
    }
    return { ok: false, status: 400, message: "The Data field is gzip-compressed but could not be decompressed." };
  }
}

/** Validate the JSON body like ASP.NET model binding does: every problem is reported, as an array of messages. */
export function parseUploadBody(raw: Buffer, maxFileBytes: number): BodyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8").replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, status: 400, messages: ["The request body is not valid JSON."] };
  }
  if (!isRecord(parsed)) return { ok: false, status: 400, messages: ["The request body must be a JSON object."] };
  const read = new FieldReader(lowerCaseKeys(parsed));
  const uploadClient = read.required("UploadClient");
  const filename = read.required("Filename");
  const dataText = read.required("Data");
  const data = dataText === "" ? null : decodeBase64(dataText);
  if (dataText !== "" && (data === null || data.length === 0)) read.messages.push("The Data field is not a valid Base-64 string.");
  const body = {
    uploadClient,
    filename,
    workoutDay: read.optionalParsed("WorkoutDay", (text) => (WORKOUT_DAY.test(text.trim()) ? parseDay(text.trim().slice(0, 10)) : null)),
    startTime: read.optionalParsed("StartTime", parseBodyTime),
    setWorkoutPublic: read.optionalBoolean("SetWorkoutPublic"),
    title: read.optionalString("Title", MAX_TITLE_LENGTH),
    comment: read.optionalString("Comment"),
    type: read.optionalParsed("Type", parseWorkoutType),
    workoutId: read.optionalInteger("WorkoutId"),
  };
  if (read.messages.length > 0 || data === null) return { ok: false, status: 400, messages: read.messages };
  const compressed = data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
  if (!compressed) {
    if (data.length > maxFileBytes) return { ok: false, status: 413, messages: [`The file exceeds ${formatSize(maxFileBytes)}.`] };
    return { ok: true, body: { ...body, file: data, compressed } };
  }
  const inflated = inflate(data, maxFileBytes);
  if (!inflated.ok) return { ok: false, status: inflated.status, messages: [inflated.message] };
  return { ok: true, body: { ...body, file: inflated.file, compressed } };
}
