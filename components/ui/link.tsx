"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * `next/link` that prefetches on intent — pointer over it, keyboard focus, a finger on it — instead of as soon as it
 * is on screen. Every page renders a dozen or more links (the navigation, range pickers, calendar arrows, history
 * rows); prefetching all of them while a phone is still hydrating the page sent a dozen server renders and their
 * processing into the first seconds of every visit. Intent gives the page a head start of a few hundred
 * milliseconds, which is what prefetching buys on a click anyway.
 */
export default function Link({ prefetch, href, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const target = typeof href === "string" ? href : null;
  const intent = () => {
    if (prefetch !== false && target?.startsWith("/")) router.prefetch(target);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        intent();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        intent();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        intent();
        onTouchStart?.(event);
      }}
    />
  );
}
