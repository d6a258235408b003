"use client";

import { startTransition, useEffect, useRef, useState } from "react";

/**
 * Whether the element has come within `rootMargin` of the viewport (and stays true once it has): heavy content
 * below the fold (charts) mounts as the reader scrolls towards it instead of blocking a phone's main thread while the
 * page loads. The switch is a transition, so React renders the heavy subtree in slices that yield to input and
 * scrolling instead of one long task.
 */
export function useNearViewport<T extends Element>(rootMargin = "200px 0px"): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          startTransition(() => setNear(true));
          observer.disconnect();
        }
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return [ref, near];
}
