import { useId } from "react";
import { formatCount } from "@/lib/format/intl";

/** In the connect form when the user already has synced workouts: what happens to them if this is another account. */
export function HistoryChoice({ history, highlight }: { history: { username: string | null; workouts: number }; highlight: boolean }) {
  const ids = { legend: useId(), keep: useId(), del: useId() };
  const from = history.username ? `Peloton account ${history.username}` : "your earlier Peloton account";
  const count = `${formatCount(history.workouts)} workout${history.workouts === 1 ? "" : "s"}`;
  return (
    <fieldset
      className={`space-y-2 rounded-lg border p-3 text-sm ${highlight ? "border-warn/60 bg-warn/10" : "border-border"}`}
      aria-describedby={ids.legend}
      data-testid="peloton-history-choice"
    >
      {/* Floated, the legend sits inside the box as its first line instead of breaking the top border (it wraps on phones). */}
      <legend id={ids.legend} className="float-left w-full font-medium">
        If you sign in to a different account than {from} ({count})
      </legend>
      <p className="clear-left text-muted">Two accounts&apos; histories are never merged. Reconnecting the same account keeps everything as it is.</p>
      <label htmlFor={ids.keep} className="flex items-start gap-3">
        <input id={ids.keep} type="radio" name="history" value="keep" defaultChecked className="mt-0.5 size-4 shrink-0" />
        <span>Keep those {count}, labelled with their account (they are no longer synced)</span>
      </label>
      <label htmlFor={ids.del} className="flex items-start gap-3">
        <input id={ids.del} type="radio" name="history" value="delete" className="mt-0.5 size-4 shrink-0" />
        <span>Delete them from AutoCoach</span>
      </label>
    </fieldset>
  );
}
