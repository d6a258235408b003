/** What the dashboard panels show: weekly volume and recent workouts. */

export interface WeekVolume {
  /** Monday of the week, YYYY-MM-DD in the athlete's time zone */
  week: string;
  seconds: number;
  outputKj: number;
  tss: number;
  workouts: number;
}

export interface RecentWorkout {
  id: string;
  title: string;
  instructor: string | null;
  discipline: string;
  startTime: string;
  /** the zone the start is shown in: the user's, never the ride's own */
  timezone: string | null;
  /** the start as the page shows it ("Sat 2 May, 07:12" in that zone), formatted on the server: no Intl on the phone */
  when: string;
  durationSeconds: number | null;
  outputKj: number | null;
  tss: number | null;
}

export type FtpSourceLabel = "Peloton FTP test" | "Manual entry (95 % rule)" | "Peloton estimate" | "Peloton" | "TrainingPeaks threshold" | "Your FTP" | "Your FTP test";

/** The FTP zones are drawn from, and where it came from. */
export interface CurrentFtp {
  watts: number;
  source: FtpSourceLabel;
  /** the other source's value when both are known, for comparison */
  other: { watts: number; source: FtpSourceLabel } | null;
}
