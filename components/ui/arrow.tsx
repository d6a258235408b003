/**
 * An arrow drawn as inline SVG, for links such as "← Workouts" and "Open in TrainingPeaks ↗". The app's web font has
 * no arrows (app/fonts, scripts/make-font.ts), so an arrow character made Chromium look through the system's fonts
 * for one on the page's first layout: a font match and a render-settings round trip to the browser process,
 * 30–90 ms unthrottled on Linux, before the first paint (docs/quality.md). Decorative: the link's words name it.
 */
const PATHS = {
  left: "M13 8H3m4-4L3 8l4 4",
  right: "M3 8h10M9 4l4 4-4 4",
  "up-right": "M5 11l6-6M6.5 5H11v4.5",
} as const;

export function Arrow({ dir }: { dir: keyof typeof PATHS }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="inline-block size-[1em] shrink-0 align-[-0.125em]" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[dir]} />
    </svg>
  );
}
