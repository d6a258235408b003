import type { Quirk } from "./quirks";

/** Shared shapes of the simulator's generated world. */
export type Discipline = "cycling" | "running" | "walking" | "caesar" | "strength" | "yoga" | "meditation" | "stretching";

export const CLASS_KINDS = [
  "power_zone", "pz_endurance", "pz_max", "ftp_test",
  "endurance", "hiit", "climb", "music", "low_impact", "warm_up", "cool_down", "just_ride",
  "tread_run", "tread_walk", "outdoor_walk", "row",
  "strength", "yoga", "stretching", "meditation",
  "outdoor_run",
] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];

export type Range = readonly [number, number];

/** One target block on the class video timeline; offsets are inclusive on both ends (docs/peloton-api.md §5.7). */
export interface TargetBlock {
  start: number;
  end: number;
  type: "power_zone" | "cues" | "running" | "caesar" | "free_mode";
  zone?: number;
  cadence?: Range;
  resistance?: Range;
  paceIntensity?: number;
  incline?: Range;
  strokeRate?: Range;
}

export interface SegmentPlan {
  id: string;
  name: string;
  iconSlug: string;
  /** Seconds from pedaling start. */
  start: number;
  length: number;
  mets: number;
  metricsType: "cycling" | "running" | "caesar" | null;
  movements?: string[];
}

export interface ClassPlan {
  rideId: string;
  kind: ClassKind;
  discipline: Discipline;
  title: string;
  description: string;
  /** Pedaling duration in seconds (what the performance graph covers). */
  duration: number;
  /** Video length including intro and outro. */
  length: number;
  pedalingStart: number;
  instructorKey: string | null;
  classTypeKey: string;
  originalAirTime: number;
  difficulty: number;
  seed: number;
  segments: SegmentPlan[];
  targets: TargetBlock[];
  isPowerZone: boolean;
  isFtpTest: boolean;
  isOutdoor: boolean;
}

export type FtpSource = "ftp_workout_source" | "ftp_manual_source" | "ftp_estimated_source";

export interface FtpInfo {
  ftp: number;
  source: FtpSource | null;
  workoutId: string | null;
}

export interface WorkoutHeader {
  id: string;
  memberKey: string;
  seed: number;
  plan: ClassPlan;
  createdAt: number;
  startTime: number;
  endTime: number | null;
  status: "COMPLETE" | "IN_PROGRESS";
  /** Seconds of recorded samples (shorter than the class while IN_PROGRESS). */
  recorded: number;
  deviceType: string;
  ftpIn: FtpInfo;
  /** The member's actual fitness (FTP in watts) on the day, which an FTP test reveals. */
  trueFtp: number;
  hasHr: boolean;
  hrDropouts: boolean;
  /** Rider form that day: multiplies targets (0.9–1.06). */
  form: number;
  leaderboardRank: number | null;
  totalLeaderboardUsers: number | null;
  /** the awkward cases this workout's responses carry (quirks.ts) */
  quirks: readonly Quirk[];
}
