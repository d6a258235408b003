import { signInWithTrainingPeaks } from "@/actions/session";
import { buttonClass } from "@/components/ui/button";
import { ReturnHereInput } from "./return-here-input";

/** Where the flow ends: `callbackUrl`, or with `returnHere` the page the button is on (else the dashboard). */
export function SignInWithTrainingPeaks({
  callbackUrl,
  returnHere = false,
  label = "Sign in with TrainingPeaks",
}: {
  callbackUrl?: string;
  returnHere?: boolean;
  label?: string;
}) {
  return (
    <form action={signInWithTrainingPeaks}>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : returnHere && <ReturnHereInput />}
      <button type="submit" className={buttonClass("primary", "w-full whitespace-nowrap sm:w-auto")}>
        <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="currentColor">
          <path d="M4 4h16v4h-6v12h-4V8H4z" />
        </svg>
        {label}
      </button>
    </form>
  );
}
