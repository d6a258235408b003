"use client";

import { useId, useState, useTransition } from "react";
import { addThresholdAction, deleteThresholdAction } from "@/actions/analytics";
import { THRESHOLD_KINDS, THRESHOLD_LABEL, THRESHOLD_SOURCE_LABEL, type ThresholdEntry, type ThresholdKind, type UnitsSetting } from "@/lib/domain/thresholds";
import { formatDay } from "@/lib/metrics/analytics-chart";
import { formatThreshold } from "@/lib/format/score";
import { thresholdInputHint } from "@/lib/format/threshold-input";
import { SubmitButton } from "@/components/ui/button";

/** The dated threshold history by kind, your own values removable, and a form to add one. */
export function ThresholdHistory({ entries, units, today }: { entries: ThresholdEntry[]; units: UnitsSetting; today: string }) {
  return (
    <div className="space-y-6">
      <AddThreshold units={units} today={today} />
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2" data-testid="threshold-history">
        {THRESHOLD_KINDS.map((kind) => (
          <KindHistory key={kind} kind={kind} entries={entries.filter((e) => e.kind === kind)} units={units} />
        ))}
      </div>
    </div>
  );
}

function KindHistory({ kind, entries, units }: { kind: ThresholdKind; entries: ThresholdEntry[]; units: UnitsSetting }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const rows = [...entries].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <section aria-labelledby={`${kind}-title`} className="min-w-0">
      <h3 id={`${kind}-title`} className="mb-1 text-sm font-semibold">
        {THRESHOLD_LABEL[kind]}
      </h3>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">None yet.</p>
      ) : (
        // Focusable so a keyboard can scroll a long history (axe: scrollable-region-focusable).
        <div className="max-h-64 overflow-auto" tabIndex={0} role="region" aria-labelledby={`${kind}-title`}>
          <table className="w-full text-sm">
            <caption className="sr-only">{THRESHOLD_LABEL[kind]} over time, newest first</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1 pr-2 text-left font-medium">From</th>
                <th scope="col" className="py-1 pr-2 text-right font-medium">Value</th>
                <th scope="col" className="py-1 pr-2 text-left font-medium">Source</th>
                <th scope="col" className="py-1 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} className="border-t border-border">
                  <td className="whitespace-nowrap py-1.5 pr-2">{formatDay(e.effectiveFrom)}</td>
                  <td className="whitespace-nowrap py-1.5 pr-2 text-right tabular-nums">{formatThreshold(kind, e.value, units)}</td>
                  <td className="py-1.5 pr-2 text-muted">{THRESHOLD_SOURCE_LABEL[e.source]}</td>
                  <td className="py-1 text-right">
                    {(e.source === "manual" || e.source === "ftp_test") && (
                      <button
                        type="button"
                        disabled={pending}
                        aria-label={`Remove ${formatThreshold(kind, e.value, units)} from ${formatDay(e.effectiveFrom)}`}
                        title="Remove"
                        onClick={() =>
                          startTransition(async () => {
                            const result = await deleteThresholdAction(e.id);
                            setError(result.ok ? null : result.message);
                          })
                        }
                        className="min-h-8 min-w-8 rounded-md px-2 text-sm font-semibold text-danger hover:bg-danger/10"
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
    </section>
  );
}

function AddThreshold({ units, today }: { units: UnitsSetting; today: string }) {
  const [kind, setKind] = useState<ThresholdKind>("ftp");
  const [value, setValue] = useState("");
  const [from, setFrom] = useState(today);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface-2 p-3"
      data-testid="add-threshold"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const r = await addThresholdAction({ kind, value, effectiveFrom: from });
          setResult(r.ok ? { ok: true, text: `${THRESHOLD_LABEL[kind]} saved. Affected workouts are being rescored.` } : { ok: false, text: r.fields?.value ?? r.fields?.effectiveFrom ?? r.message });
          if (r.ok) setValue("");
        });
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">Threshold</span>
        <select value={kind} onChange={(e) => setKind(THRESHOLD_KINDS.find((k) => k === e.target.value) ?? "ftp")} className="min-h-10 rounded-lg border border-border bg-surface px-2">
          {THRESHOLD_KINDS.map((k) => (
            <option key={k} value={k}>
              {THRESHOLD_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">Value</span>
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
          inputMode={kind === "run_pace" || kind === "row_split" ? "text" : "numeric"}
          aria-describedby={hintId}
          aria-invalid={result?.ok === false ? true : undefined}
          className="min-h-10 w-28 rounded-lg border border-border bg-surface px-3"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-muted">From</span>
        <input type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} required className="min-h-10 rounded-lg border border-border bg-surface px-2" />
      </label>
      <SubmitButton pending={pending} busyLabel="Saving…">
        Add
      </SubmitButton>
      <p id={hintId} className="basis-full text-xs text-muted">
        {THRESHOLD_LABEL[kind]}: {thresholdInputHint(kind, units)}. It applies from the date you give until your next value.
      </p>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`basis-full text-sm ${result.ok ? "text-ok" : "text-danger"}`}>
          {result.text}
        </p>
      )}
    </form>
  );
}
