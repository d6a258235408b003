"use client";

import { useLinkStatus } from "next/link";

/**
 * Feedback on the link the reader clicked while its page renders on the server: the app's pages have no route-level
 * skeletons (a skeleton first and the page later made the page's largest paint wait for the reveal), so a slow
 * navigation shows a pulsing bar under the link instead of a dead click.
 */
export function NavPending() {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={`absolute inset-x-2 bottom-0.5 h-0.5 rounded bg-accent transition-opacity ${pending ? "animate-pulse opacity-100" : "opacity-0"}`} />;
}
