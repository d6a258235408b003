"use client";

import { useState, useTransition } from "react";
import { saveAnalyticsSettingsAction } from "@/actions/analytics";
import { FTP_SOURCE_LABEL, FTP_SOURCE_SETTINGS, type AnalyticsSettings, type FtpSourceSetting, type UnitsSetting } from "@/lib/domain/thresholds";
import { SubmitRow } from "@/components/ui/button";

const FTP_SOURCE_HELP: Record<FtpSourceSetting, string> = {
  peloton: "The FTP each ride was taken with on Peloton (after every FTP test it changes).",
  trainingpeaks: "Your TrainingPeaks threshold, as noted on each day it was seen; earlier rides use the first value.",
  manual: "Your own dated values (below), from their day on; rides before your first value keep Peloton's.",
};

let zoneList: string[] | null = null;
const browserZones = () => (zoneList ??= Intl.supportedValuesOf("timeZone"));

/**
 * The ~420 zone names come from the browser, and only once the select is about to be used (hovered, pressed or
 * focused, so before it opens or takes an arrow key). Listed by the server they were in the page twice (its HTML and
 * its RSC payload), 4 KB of the document gzipped, a round trip more on a phone; listed at hydration, rendering 420
 * options was the settings page's longest task (~210 ms on a phone, docs/quality.md). Until then the select holds
 * the saved choice. The server still checks the zone that is sent.
 */
function useTimeZones(): { zones: string[] | null; want: () => void } {
  const [wanted, setWanted] = useState(false);
  return { zones: wanted ? browserZones() : null, want: () => setWanted(true) };
}

/** Units, display time zone and FTP source. Saving a change that moves scores starts rescoring on the server. */
export function SettingsForm({ settings, providerZone }: { settings: AnalyticsSettings; providerZone: string | null }) {
  const { zones: timeZones, want: wantZones } = useTimeZones();
  const [units, setUnits] = useState<UnitsSetting>(settings.units);
  const [timeZone, setTimeZone] = useState(settings.timeZoneChosen ? settings.timeZone : "");
  const [ftpSource, setFtpSource] = useState<FtpSourceSetting>(settings.ftpSource);
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await saveAnalyticsSettingsAction({ units, timeZone, ftpSource });
      setMessage(result.ok ? { tone: "ok", text: "Settings saved." } : { tone: "danger", text: result.fields?.timeZone ?? result.message });
    });
  };

  return (
    <form onSubmit={submit} className="space-y-5" data-testid="settings-form">
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Units</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["metric", "imperial"] as const).map((u) => (
            <label key={u} className="flex min-h-10 items-center gap-2">
              <input type="radio" name="units" value={u} checked={units === u} onChange={() => setUnits(u)} className="h-4 w-4 accent-[var(--accent)]" />
              {u === "metric" ? "Metric (km, /km)" : "Imperial (mi, /mi)"}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block space-y-1 text-sm">
        <span className="font-semibold">Display time zone</span>
        <span className="block text-xs text-muted">Which calendar day each workout counts on (calendar, fitness, threshold dates).</span>
        <select
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          onMouseEnter={wantZones}
          onPointerDown={wantZones}
          onFocus={wantZones}
          className="min-h-10 w-full max-w-md rounded-lg border border-border bg-surface px-3"
          name="timeZone"
        >
          <option value="">{providerZone ? `Follow TrainingPeaks (${providerZone})` : "UTC (TrainingPeaks has no time zone)"}</option>
          {/* No value attribute: an option's value is its text. */}
          {(timeZones ?? []).map((z) => (
            <option key={z}>{z}</option>
          ))}
          {timeZone && !timeZones?.includes(timeZone) && <option>{timeZone}</option>}
        </select>
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">FTP source</legend>
        <p className="text-xs text-muted">Which FTP history scores your rides and draws your power zones.</p>
        {FTP_SOURCE_SETTINGS.map((s) => (
          <label key={s} className="flex items-start gap-2 text-sm">
            <input type="radio" name="ftpSource" value={s} checked={ftpSource === s} onChange={() => setFtpSource(s)} className="mt-1 h-4 w-4 accent-[var(--accent)]" />
            <span>
              <span className="font-medium">{FTP_SOURCE_LABEL[s]}</span>
              <span className="block text-xs text-muted">{FTP_SOURCE_HELP[s]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <SubmitRow pending={pending} busyLabel="Saving…" label="Save settings">
        {message && (
          <p role={message.tone === "danger" ? "alert" : "status"} className={`text-sm ${message.tone === "danger" ? "text-danger" : "text-ok"}`}>
            {message.text}
          </p>
        )}
      </SubmitRow>
    </form>
  );
}
