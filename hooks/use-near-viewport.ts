"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Whether the element has come within `rootMargin` of the viewport (and stays true once it has): heavy content
 * below the fold (the workout charts) mounts as the reader scrolls towards it instead of blocking a phone's main
 * thread while the page loads.
 */
export function useNearViewport<T extends Element>(rootMargin = "600px 0px"): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
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
