import { signOutEverywhereAction } from "@/actions/session";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";

/** Settings → Sessions: end every session of this account, on every device. */
export function SignOutEverywhere() {
  return (
    <form action={signOutEverywhereAction} className="space-y-3">
      <p className="text-sm text-muted">
        Signed in on a computer you no longer use, or lost a phone? This signs you out of AutoCoach on every device, this one included. Sessions also end on their own after 14 days without a visit and 30 days after you signed in.
      </p>
      <ConfirmSubmit variant="secondary" message="Sign out of AutoCoach on every device, this one included?">
        Sign out everywhere
      </ConfirmSubmit>
    </form>
  );
}
