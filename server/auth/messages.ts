import "server-only";
import { formatWait } from "@/lib/errors/app-error";

/** What the sign-in page says for each failure (Auth.js codes and our precise reasons). Pure. */
export interface SignInMessage {
  title: string;
  detail: string;
  tone: "warn" | "danger" | "info";
}

export function signInMessage(error: string | undefined, opts: { retryAfter?: string; reason?: string } = {}): SignInMessage | null {
  if (opts.reason === "session_expired" && !error) {
    return { title: "Your session has expired", detail: "Sign in again to pick up where you left off.", tone: "info" };
  }
  if (opts.reason === "signed_out" && !error) return { title: "You are signed out", detail: "See you on the next ride.", tone: "info" };
  if (opts.reason === "signed_out_everywhere" && !error) {
    return { title: "You are signed out everywhere", detail: "Every device that was signed in to AutoCoach has to sign in again.", tone: "info" };
  }
  if (opts.reason === "disconnected" && !error) {
    return {
      title: "TrainingPeaks disconnected",
      detail: "AutoCoach's access was revoked and its stored tokens deleted. Sign in again any time to reconnect.",
      tone: "info",
    };
  }
  if (opts.reason === "account_deleted" && !error) {
    return {
      title: "Your account is deleted",
      detail: "Everything AutoCoach held for you is gone and its TrainingPeaks access revoked. Signing in again starts a new, empty account.",
      tone: "info",
    };
  }
  if (!error) return null;
  switch (error) {
    case "AccessDenied":
      return {
        title: "You didn't authorize AutoCoach",
        detail: "TrainingPeaks reported that access was denied on its consent page, so nothing was stored. Sign in again and choose Authorize to continue.",
        tone: "warn",
      };
    case "tp_unavailable":
      return {
        title: "TrainingPeaks could not be reached",
        detail: "AutoCoach couldn't talk to TrainingPeaks (no answer or a server error). Try again in a moment. In demo mode, check that the TrainingPeaks simulator is running (`npm run demo` starts it).",
        tone: "danger",
      };
    case "tp_rate_limited": {
      const seconds = opts.retryAfter && /^\d+$/.test(opts.retryAfter) ? Number(opts.retryAfter) : undefined;
      return {
        title: "TrainingPeaks is rate limiting sign-ins",
        detail: seconds !== undefined ? `Please wait ${formatWait(seconds)} and try again.` : "Please wait a few minutes and try again.",
        tone: "warn",
      };
    }
    case "tp_rejected":
      return {
        title: "TrainingPeaks rejected the sign-in",
        detail: "The authorization code was invalid or expired, or AutoCoach's client credentials were refused. Try again; if it keeps happening, run `npm run doctor`.",
        tone: "danger",
      };
    case "tp_bad_response":
      return { title: "TrainingPeaks sent something unexpected", detail: "Your profile could not be read. Try again later.", tone: "danger" };
    case "state_mismatch":
    case "OAuthCallbackError":
    case "InvalidCheck":
      return {
        title: "That sign-in link is no longer valid",
        detail: "The sign-in expired or was started in another browser or tab, so it was refused for your safety. Start again from this page.",
        tone: "warn",
      };
    case "OAuthAccountNotLinked":
      return { title: "This e-mail already belongs to another account", detail: "Sign in with the TrainingPeaks athlete you used before.", tone: "warn" };
    case "Configuration":
      return { title: "Sign-in is misconfigured", detail: "The server could not complete the sign-in. `npm run doctor` lists what to fix.", tone: "danger" };
    default:
      return { title: "Sign-in failed", detail: "Something went wrong while signing in. Please try again.", tone: "danger" };
  }
}
