"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A `<details>` whose body is rendered once it is first opened. A collapsed body stays out of the page's HTML, where
 * nobody sees it and it only lengthens the document a phone waits for; the server still sends it in the RSC payload,
 * so opening shows it at once. A body opened before hydration is filled in when the page hydrates.
 */
export function LazyDetails({ summary, className, summaryClassName, children }: { summary: ReactNode; className?: string; summaryClassName?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className={summaryClassName}>{summary}</summary>
      {opened && children}
    </details>
  );
}
