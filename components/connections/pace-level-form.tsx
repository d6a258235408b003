"use client";

import { useId, useState, useTransition } from "react";
import { setPaceLevelAction } from "@/actions/peloton";

/** Tread/row pace targets need the member's Peloton pace level, which Peloton's API doesn't share. */
export function PaceLevelForm({ initial }: { initial: number | null }) {
  const id = useId();
  const [value, setValue] = useState(initial === null ? "auto" : String(initial));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div id="pace-level" className="flex flex-wrap items-center gap-3 text-sm">
      <label htmlFor={id} className="font-medium">
        Pace level
      </label>
      <select
        id={id}
        value={value}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          start(async () => {
            const r = await setPaceLevelAction(next);
            setMessage(r.ok ? "Saved." : r.message);
          });
        }}
        className="min-h-10 rounded-lg border border-border bg-surface px-3"
      >
        <option value="auto">Estimate from each run</option>
        {Array.from({ length: 10 }, (_, i) => (
          <option key={i + 1} value={String(i + 1)}>
            Level {i + 1}
          </option>
        ))}
      </select>
      <span className="text-xs text-muted" aria-live="polite">
        {message ?? "Used to draw tread and row pace targets (find it in the Peloton app's pace settings)."}
      </span>
    </div>
  );
}
