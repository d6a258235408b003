/**
 * Every error AutoCoach can report, by code: the HTTP status a route answers with and the message a user sees when
 * the thrower gave none. Codes are `area.reason`; provider codes share their reasons (`peloton.rate_limited`,
 * `trainingpeaks.rate_limited`). `exposed: false` marks our own failures: the user gets a generic message with a
 * reference id that is in the log, never the error's own text.
 */
export interface ErrorSpec {
  status: number;
  message: string;
  exposed?: false;
}

/** The reasons an upstream (Peloton, TrainingPeaks) call can fail for. */
export const PROVIDER_REASONS = {
  unauthorized: { status: 502, message: "did not accept our access token." },
  forbidden: { status: 403, message: "refused access to this data. It may need a premium account or a permission AutoCoach was not granted." },
  not_found: { status: 404, message: "has no such item." },
  invalid_request: { status: 502, message: "rejected the request." },
  rate_limited: { status: 429, message: "is rate limiting requests. Try again in a few minutes." },
  disconnected: { status: 409, message: "needs you to connect your account again." },
  bad_response: { status: 502, message: "sent a response AutoCoach could not read." },
  unavailable: { status: 502, message: "could not be reached. Try again later." },
} as const satisfies Record<string, ErrorSpec>;

export type ProviderName = "peloton" | "trainingpeaks";
export type ProviderReason = keyof typeof PROVIDER_REASONS;
export const PROVIDER_LABEL: Record<ProviderName, string> = { peloton: "Peloton", trainingpeaks: "TrainingPeaks" };

const OWN = {
  "auth.unauthenticated": { status: 401, message: "Your session has expired. Sign in again." },
  "auth.forbidden": { status: 403, message: "You are not allowed to do that." },
  "auth.bad_secret": { status: 401, message: "Missing or wrong cron secret." },
  "config.cron_disabled": { status: 503, message: "Set CRON_SECRET to enable scheduled syncs." },
  "input.invalid": { status: 400, message: "Please correct the highlighted fields." },
  "input.too_large": { status: 413, message: "The upload is too large. Choose a smaller file." },
  "input.unsupported_media_type": { status: 415, message: "Send the file as a multipart/form-data upload." },
  "input.too_many_attempts": { status: 429, message: "Too many attempts. Wait a few minutes before trying again." },
  "workout.not_found": { status: 404, message: "This workout does not exist or is not yours." },
  "workout.no_samples": { status: 404, message: "No such workout, or it has no recorded samples to export." },
  "workout.in_progress": { status: 409, message: "This workout hadn't finished when it was synced. Sync again once it has." },
  "fit.empty": { status: 400, message: "The file is empty." },
  "fit.too_large": { status: 413, message: "The file is larger than the upload limit." },
  "fit.not_fit": { status: 415, message: "This is not a FIT file." },
  "fit.gzip": { status: 400, message: "The compressed file could not be unpacked." },
  "fit.truncated": { status: 400, message: "The FIT file is incomplete." },
  "fit.corrupt": { status: 400, message: "The FIT file is damaged." },
  "fit.no_records": { status: 400, message: "The FIT file holds no recorded samples." },
  "fit.too_slow": { status: 413, message: "The FIT file took too long to read. Upload a single activity." },
  "fit.busy": { status: 503, message: "AutoCoach is reading other files right now. Try again in a few seconds." },
  "peloton.bad_credentials": { status: 401, message: "Peloton did not accept that email and password." },
  "peloton.account_locked": { status: 422, message: "Peloton has temporarily blocked sign-in for this account." },
  "peloton.verification_required": { status: 422, message: "Peloton asked for an extra verification step AutoCoach cannot complete." },
  "peloton.login_page_changed": { status: 422, message: "Peloton changed its sign-in page. Please try again later." },
  "peloton.state_mismatch": { status: 422, message: "Peloton's sign-in did not complete. Please try again." },
  "peloton.too_many_redirects": { status: 422, message: "Peloton's sign-in went round in circles. Please try again later." },
  "peloton.account_in_use": { status: 409, message: "This Peloton account is already connected to another AutoCoach user. Disconnect it there first." },
  "peloton.history_choice_required": {
    status: 409,
    message: "This is a different Peloton account from the one your synced workouts came from. Choose whether to keep or delete them, then connect again.",
  },
  "account.confirmation_mismatch": { status: 400, message: "Type the confirmation exactly as shown to delete your account." },
  "trainingpeaks.upload_rejected": { status: 422, message: "TrainingPeaks refused the file." },
  "trainingpeaks.consent_required": { status: 403, message: "AutoCoach needs your permission to upload to TrainingPeaks." },
  "network.offline": { status: 503, message: "You appear to be offline. Check your connection and retry." },
  "internal": { status: 500, message: "Something went wrong on our side. Please try again.", exposed: false },
  "config.invalid": { status: 500, message: "AutoCoach is not configured correctly.", exposed: false },
  "crypto.unsealable": { status: 500, message: "A stored secret could not be read.", exposed: false },
  "storage.corrupt": { status: 500, message: "Stored data could not be read.", exposed: false },
  "kv.unavailable": { status: 503, message: "AutoCoach is briefly unable to coordinate requests. Try again in a moment.", exposed: false },
  "kv.busy": { status: 503, message: "AutoCoach is busy with this right now. Try again in a moment." },
  "sync.lease_lost": { status: 409, message: "Another sync step took over.", exposed: false },
  "deadline.exceeded": { status: 503, message: "This is taking longer than usual; it continues in a moment.", exposed: false },
} as const satisfies Record<string, ErrorSpec>;

type ProviderCode = `${ProviderName}.${ProviderReason}`;
export type ErrorCode = keyof typeof OWN | ProviderCode;

function providerEntries(provider: ProviderName): [ProviderCode, ErrorSpec][] {
  return Object.entries(PROVIDER_REASONS).map(([reason, spec]) => [`${provider}.${reason}` as ProviderCode, { status: spec.status, message: `${PROVIDER_LABEL[provider]} ${spec.message}` }]);
}

export const ERRORS: Record<ErrorCode, ErrorSpec> = {
  ...Object.fromEntries([...providerEntries("peloton"), ...providerEntries("trainingpeaks")]),
  ...OWN,
} as Record<ErrorCode, ErrorSpec>;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERRORS, value);
}
