/**
 * File upload (docs/trainingpeaks-api.md §5.7), scope `file:write`.
 *
 * `POST /v3/file` takes `{UploadClient, Filename, Data (base64, optionally gzip), WorkoutDay?, StartTime?,
 * SetWorkoutPublic?, Title?, Comment?, Type?, WorkoutId?}` (property names in any case, as JSON.NET binds them):
 * - 411 (HTML) without Content-Length or chunked encoding; 413 above `maxBodyBytes` (default 30 MB), checked on the
 *   declared length before authentication and again while reading a chunked body; then 401 / 403 as every route.
 * - 415 for a Content-Type that is neither absent nor JSON (ASP.NET's media-type message).
 * - 400 + JSON array of messages for bad JSON, a missing UploadClient/Filename/Data, bad base64, a bad optional
 *   field, a corrupt FIT file (failed integrity check or decoding) or a TCX file without timed trackpoints.
 * - 415 `["Unsupported file type. Upload a FIT, TCX or PWX file."]` for content that is neither FIT (".FIT" header)
 *   nor XML; PWX is recognised but not simulated (415 saying so). The file name's extension is ignored.
 * - 422 `["This file has already been uploaded."]` when the athlete already uploaded the same bytes (sha256 after
 *   gunzip), or `["This file has already been uploaded: a completed workout starting at … already exists."]` when
 *   a completed workout (seeded or uploaded, including one still processing) starts at the same local second.
 * - 202, empty body, `Location: /v3/status/{fileTrackingId}` (a lower-case GUID) otherwise.
 *
 * `GET /v3/status/{fileTrackingId}` answers `{"Completed":false,"Status":"Processing","WorkoutIds":[]}` for the first
 * `processingPolls` polls (default 1; `POST /__admin/uploads/settings`), then `{"Completed":true,"Status":"Success",
 * "WorkoutIds":[id]}`. The workout appears in the workout routes only from that first Success (with 0 polls, at
 * once); a client that never polls never sees it. Unknown ids and other athletes' ids are 404.
 *
 * The workout is computed here from the file (file-metrics.ts), in the athlete's time zone. The file's own start
 * time wins over the body's `StartTime`/`WorkoutDay`, which are used only for a file without timestamps. `Type`
 * overrides the file's sport; `Title` defaults to the workout type; `Comment` becomes the `Description`.
 * `WorkoutId` naming one of the athlete's planned workouts completes that workout (same Id, planned fields kept).
 */
import { createHash } from "node:crypto";
import type { Activity } from "./activity";
import { decodeActivityFile } from "./activity-file";
import type { ApiCall, ApiRoute } from "./api";
import type { SeedAthlete } from "./athletes";
import { formatLocalDateTime, wallClock } from "./dates";
import { computeFileMetrics } from "./file-metrics";
import { bodyTooLarge, empty, json, messageList, type SimResponse } from "./responses";
import type { UploadBody } from "./upload-request";
import { parseUploadBody } from "./upload-request";
import { blankWorkout, type TpWorkout } from "./workout-object";

const FILE_WRITE = "file:write";

function isJsonContentType(value: string | undefined): boolean {
  const type = (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "" || type === "application/json" || type === "text/json" || type.endsWith("+json");
}

/** The local start (day number, second of day): the file's first timestamp, else the body's StartTime/WorkoutDay. */
function localStart(activity: Activity, body: UploadBody, athlete: SeedAthlete): { day: number; secondOfDay: number } | null {
  if (activity.startMs !== null) return wallClock(activity.startMs, athlete.timeZone);
  const { startTime } = body;
  if (startTime?.kind === "instant") return wallClock(startTime.ms, athlete.timeZone);
  if (startTime?.kind === "local") return startTime;
  return body.workoutDay === null ? null : { day: body.workoutDay, secondOfDay: 0 };
}

function buildWorkout(call: ApiCall, body: UploadBody, activity: Activity, start: { day: number; secondOfDay: number }, planned: TpWorkout | undefined): TpWorkout {
  const { ctx, athlete } = call;
  const type = body.type ?? activity.sport ?? planned?.WorkoutType ?? "Other";
  const id = planned?.Id ?? ctx.uploads.newWorkoutId();
  const base =
    planned ??
    blankWorkout({ Id: id, AthleteId: athlete.id, WorkoutDay: "", Title: type, Description: null, Url: `${ctx.publicUrl}/workout/${id}`, WorkoutType: type });
  return {
    ...base,
    ...computeFileMetrics(activity, athlete, type),
    WorkoutDay: formatLocalDateTime(start.day, 0),
    StartTime: formatLocalDateTime(start.day, start.secondOfDay),
    Title: body.title ?? planned?.Title ?? type,
    Description: body.comment ?? base.Description,
    WorkoutType: type,
    Completed: true,
  };
}

async function uploadFile(call: ApiCall): Promise<SimResponse> {
  const { ctx, req, athlete } = call;
  const contentType = req.headers["content-type"];
  if (!isJsonContentType(contentType)) {
    return messageList(415, [`The request entity's media type '${contentType ?? ""}' is not supported for this resource.`]);
  }
  const { maxBodyBytes, maxFileBytes } = ctx.uploads.settings;
  const raw = await req.readBodyUpTo(maxBodyBytes);
  if (raw === null) return bodyTooLarge(maxBodyBytes);
  const parsed = parseUploadBody(raw, maxFileBytes);
  if (!parsed.ok) return messageList(parsed.status, parsed.messages);
  const { body } = parsed;
  const decoded = decodeActivityFile(body.file);
  if (!decoded.ok) return messageList(decoded.status, [decoded.message]);
  const { activity } = decoded;
  const start = localStart(activity, body, athlete);
  if (!start) return messageList(400, ["The file has no timestamps; send StartTime or WorkoutDay."]);
  let planned: TpWorkout | undefined;
  if (body.workoutId !== null) {
    planned = ctx.catalog.find(athlete.id, body.workoutId);
    if (!planned || planned.Completed || ctx.uploads.isLinking(athlete.id, planned.Id)) {
      return messageList(400, [`The WorkoutId '${body.workoutId}' is not a planned workout of this athlete.`]);
    }
  }
  const sha256 = createHash("sha256").update(body.file).digest("hex");
  const startTime = formatLocalDateTime(start.day, start.secondOfDay);
  const duplicate = ctx.uploads.duplicateOf(athlete.id, sha256, startTime, ctx.catalog);
  if (duplicate) return messageList(422, [duplicate]);
  const record = ctx.uploads.accept(
    {
      athleteId: athlete.id,
      filename: body.filename,
      uploadClient: body.uploadClient,
      sha256,
      bytes: body.file.length,
      format: activity.format,
      compressed: body.compressed,
      startTime,
      workout: buildWorkout(call, body, activity, start, planned),
    },
    ctx.catalog,
    ctx.clock.now(),
  );
  return empty(202, { Location: `/v3/status/${record.trackingId}` });
}

function uploadStatus({ ctx, athlete, params }: ApiCall): SimResponse {
  const status = ctx.uploads.poll(params[0] ?? "", athlete.id, ctx.catalog, ctx.clock.now());
  return status ? json(200, status) : empty(404);
}

export const UPLOAD_ROUTES: ApiRoute[] = [
  { pattern: /^\/v3\/file$/, method: "POST", scope: FILE_WRITE, maxBodyBytes: (ctx) => ctx.uploads.settings.maxBodyBytes, handle: uploadFile },
  { pattern: /^\/v3\/status\/([^/]+)$/, method: "GET", scope: FILE_WRITE, handle: uploadStatus },
];
