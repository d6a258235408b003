import "server-only";
import { AppError, isProviderFailure, providerError } from "@/lib/errors/app-error";
import { z } from "zod";
import { readJson, request } from "@/server/http/request";
import { USER_AGENT, tpApiUrl } from "../auth/config";
import { withAccessToken } from "../auth/tokens";

/**
 * TrainingPeaks file upload (docs/trainingpeaks-api.md §5.7): `POST /v3/file` answers 202 with `Location: /v3/status/{id}`; the file is
 * processed asynchronously and `GET /v3/status/{id}` reports `{Completed, Status, WorkoutIds}`.
 */

export const UPLOAD_CLIENT = "AutoCoach";
export const FILE_WRITE_SCOPE = "file:write";

export interface FileUpload {
  filename: string;
  bytes: Uint8Array;
  /** local day and local start time of the activity (TrainingPeaks datetimes carry no zone) */
  workoutDay: string;
  startTime: string;
  title: string;
  /** bike, run, walk, rowing, other */
  type: string;
}

export type UploadOutcome =
  | { kind: "accepted"; trackingId: string }
  /** 422: TrainingPeaks already has this file */
  | { kind: "duplicate" };

export type UploadStatus =
  | { kind: "processing" }
  | { kind: "success"; workoutIds: string[] }
  | { kind: "failed"; message: string }
  /** 404: TrainingPeaks no longer knows the id (it is treated as "already processed or gone", like TMIW does) */
  | { kind: "gone" };

const statusSchema = z.looseObject({
  Completed: z.boolean().nullish(),
  Status: z.string().nullish(),
  WorkoutIds: z.array(z.union([z.number(), z.string()])).nullish(),
});

const TRACKING_ID = /^[A-Za-z0-9-]{1,64}$/;

function headers(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, Accept: "application/json", "User-Agent": USER_AGENT };
}

function trackingIdFrom(location: string | null): string {
  const id = location ? /\/v3\/status\/([^/?#]+)/i.exec(location)?.[1] : undefined;
  if (!id || !TRACKING_ID.test(id)) {
    throw providerError("trainingpeaks", "bad_response", "TrainingPeaks accepted the file but did not say where to follow its processing.");
  }
  return id;
}

export async function uploadFile(userId: string, file: FileUpload, opts: { apiUrl?: string } = {}): Promise<UploadOutcome> {
  const body = JSON.stringify({
    UploadClient: UPLOAD_CLIENT,
    Filename: file.filename,
    Data: Buffer.from(file.bytes).toString("base64"),
    WorkoutDay: file.workoutDay,
    StartTime: file.startTime,
    Title: file.title,
    Type: file.type,
    SetWorkoutPublic: false,
  });
  try {
    return await withAccessToken(userId, async (token) => {
      // Never retried blindly: a POST that reached TrainingPeaks may have created the workout (the caller
      // checks TrainingPeaks before trying again).
      const response = await request(`${opts.apiUrl ?? tpApiUrl()}/v3/file`, {
        provider: "trainingpeaks",
        method: "POST",
        headers: { ...headers(token), "Content-Type": "application/json" },
        body,
        timeoutMs: 60_000,
      });
      await response.body?.cancel().catch(() => undefined);
      return { kind: "accepted", trackingId: trackingIdFrom(response.headers.get("location")) } as const;
    });
  } catch (error) {
    if (isProviderFailure(error) && error.upstreamStatus === 422) return { kind: "duplicate" };
    if (isProviderFailure(error) && error.upstreamStatus === 415) {
      // A file TrainingPeaks refused for good (400 or 415): uploading it again would fail the same way.
      throw new AppError("trainingpeaks.upload_rejected", { message: "TrainingPeaks did not accept the file type (it takes FIT, TCX and PWX files).", upstreamStatus: 415 });
    }
    if (isProviderFailure(error) && error.upstreamStatus === 400) {
      throw new AppError("trainingpeaks.upload_rejected", { message: "TrainingPeaks could not read the file we sent (HTTP 400).", upstreamStatus: 400 });
    }
    throw error;
  }
}

export async function getUploadStatus(userId: string, trackingId: string, opts: { apiUrl?: string } = {}): Promise<UploadStatus> {
  if (!TRACKING_ID.test(trackingId)) throw new RangeError("Invalid upload tracking id");
  try {
    const status = await withAccessToken(userId, async (token) => {
      const response = await request(`${opts.apiUrl ?? tpApiUrl()}/v3/status/${trackingId}`, {
        provider: "trainingpeaks",
        headers: headers(token),
        retries: 2,
        maxRetryWaitMs: 5_000,
      });
      return readJson("trainingpeaks", response, statusSchema);
    });
    if (status.Completed !== true) return { kind: "processing" };
    const ids = (status.WorkoutIds ?? []).map(String).filter((id) => /^\d{1,20}$/.test(id));
    if ((status.Status ?? "").toLowerCase() === "success") return { kind: "success", workoutIds: ids };
    return { kind: "failed", message: status.Status?.slice(0, 300) || "TrainingPeaks could not process the file." };
  } catch (error) {
    if (isProviderFailure(error, "not_found")) return { kind: "gone" };
    throw error;
  }
}

export function hasFileWriteScope(scope: string | null | undefined): boolean {
  return (scope ?? "").split(/[\s,]+/).includes(FILE_WRITE_SCOPE);
}
