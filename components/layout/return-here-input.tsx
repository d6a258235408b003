"use client";

import { usePathname } from "next/navigation";

/**
 * The page the user is on, as the sign-in form's `callbackUrl`: reconnecting TrainingPeaks from the shell's banner
 * comes back to that page (a ride, the calendar), not to the dashboard. The server action still accepts same-site
 * paths only (`safeReturnTo`).
 */
export function ReturnHereInput() {
  const pathname = usePathname();
  return <input type="hidden" name="callbackUrl" value={pathname ?? "/dashboard"} />;
}
