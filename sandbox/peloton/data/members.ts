import { hexId } from "./ids";
import type { ClassKind } from "./types";

/** The simulator's accounts. Credentials are public test values; never real people. */
export type LoginBehaviour = "normal" | "mfa" | "locked";

export interface MemberSpec {
  key: string;
  email: string;
  password: string;
  username: string;
  userId: string;
  firstName: string;
  lastName: string;
  login: LoginBehaviour;
  distanceUnit: "mi" | "km";
  timezone: string;
  location: string;
  gender: "female" | "male";
  birthday: number;
  weightLb: number;
  heightIn: number;
  maxHr: number;
  restHr: number;
  /** Manual FTP at sign-up, and the FTP the member grows towards by the end of the history. */
  startFtp: number;
  endFtp: number;
  /** Pace target level 1–10 (tread and row pace tables). */
  paceLevel: number;
  /** Workouts in the generated history (`heavy` follows the heavyMemberWorkouts option). */
  workouts: number | "heavy";
  spanDays: number;
  mix: Partial<Record<ClassKind, number>>;
  isPrivate: boolean;
  home: { lat: number; lon: number };
}

const DEMO_MIX: Partial<Record<ClassKind, number>> = {
  power_zone: 14, pz_endurance: 8, pz_max: 3, endurance: 6, hiit: 6, climb: 5, music: 8, low_impact: 2, just_ride: 4,
  tread_run: 10, tread_walk: 3, outdoor_walk: 6, row: 5, strength: 10, yoga: 3, stretching: 6, meditation: 4,
};

function member(key: string, spec: Omit<MemberSpec, "key" | "userId">): MemberSpec {
  return { key, userId: hexId(`user:${key}`), ...spec };
}

export const MEMBERS: readonly MemberSpec[] = [
  member("demo", {
    email: "demo.rider@example.com", password: "ride-on-demo", username: "DemoRider", firstName: "Dana", lastName: "Demo", login: "normal",
    distanceUnit: "mi", timezone: "America/New_York", location: "Brooklyn, NY", gender: "female", birthday: 558230400, weightLb: 148,
    heightIn: 66, maxHr: 184, restHr: 56, startFtp: 182, endFtp: 228, paceLevel: 5, workouts: 320, spanDays: 730, mix: DEMO_MIX,
    isPrivate: false, home: { lat: 40.6712, lon: -73.9712 },
  }),
  member("heavy", {
    email: "heavy.rider@example.com", password: "heavy-legs-3000", username: "HeavyHauler", firstName: "Harper", lastName: "Hauler",
    login: "normal", distanceUnit: "mi", timezone: "Etc/GMT+6", location: "Austin, TX", gender: "male", birthday: 410227200, weightLb: 181,
    heightIn: 71, maxHr: 178, restHr: 52, startFtp: 205, endFtp: 262, paceLevel: 6, workouts: "heavy", spanDays: 1825,
    mix: { ...DEMO_MIX, power_zone: 20, music: 12, strength: 14 }, isPrivate: false, home: { lat: 30.2672, lon: -97.7431 },
  }),
  member("other", {
    email: "other.rider@example.com", password: "other-rider-pass", username: "OtherRider", firstName: "Otto", lastName: "Other",
    login: "normal", distanceUnit: "km", timezone: "Europe/Berlin", location: "Berlin", gender: "male", birthday: 631152000, weightLb: 170,
    heightIn: 72, maxHr: 190, restHr: 50, startFtp: 240, endFtp: 251, paceLevel: 7, workouts: 48, spanDays: 200,
    mix: { power_zone: 6, endurance: 4, hiit: 3, tread_run: 8, outdoor_walk: 4, row: 2, stretching: 2 }, isPrivate: true,
    home: { lat: 52.5145, lon: 13.3501 },
  }),
  member("newbie", {
    email: "new.rider@example.com", password: "brand-new-bike", username: "NewRider", firstName: "Nia", lastName: "New", login: "normal",
    distanceUnit: "mi", timezone: "America/Los_Angeles", location: "", gender: "female", birthday: 820454400, weightLb: 130, heightIn: 64,
    maxHr: 195, restHr: 62, startFtp: 0, endFtp: 0, paceLevel: 3, workouts: 0, spanDays: 1, mix: {}, isPrivate: false,
    home: { lat: 34.0522, lon: -118.2437 },
  }),
  member("mfa", {
    email: "mfa.rider@example.com", password: "verify-me-please", username: "MfaRider", firstName: "Mika", lastName: "Factor", login: "mfa",
    distanceUnit: "mi", timezone: "America/Chicago", location: "", gender: "male", birthday: 700000000, weightLb: 160, heightIn: 69,
    maxHr: 185, restHr: 58, startFtp: 200, endFtp: 200, paceLevel: 5, workouts: 0, spanDays: 1, mix: {}, isPrivate: false,
    home: { lat: 41.8781, lon: -87.6298 },
  }),
  member("locked", {
    email: "locked.rider@example.com", password: "locked-out-rider", username: "LockedRider", firstName: "Lou", lastName: "Locke",
    login: "locked", distanceUnit: "mi", timezone: "America/Denver", location: "", gender: "female", birthday: 650000000, weightLb: 140,
    heightIn: 65, maxHr: 188, restHr: 60, startFtp: 190, endFtp: 190, paceLevel: 4, workouts: 0, spanDays: 1, mix: {}, isPrivate: false,
    home: { lat: 39.7392, lon: -104.9903 },
  }),
];

export function memberByKey(key: string): MemberSpec | undefined {
  return MEMBERS.find((m) => m.key === key);
}

/** Auth0 accepts the e-mail or the username, case-insensitively. */
export function memberByLogin(login: string): MemberSpec | undefined {
  const needle = login.trim().toLowerCase();
  return MEMBERS.find((m) => m.email.toLowerCase() === needle || m.username.toLowerCase() === needle);
}

export function memberByIdOrUsername(idOrName: string): MemberSpec | undefined {
  const needle = idOrName.toLowerCase();
  return MEMBERS.find((m) => m.userId === needle || m.username.toLowerCase() === needle);
}

export interface MemberCredentials {
  email: string;
  password: string;
  username: string;
  userId: string;
}

function credentials(key: string): MemberCredentials {
  const m = memberByKey(key);
  if (!m) throw new Error(`unknown member ${key}`);
  return { email: m.email, password: m.password, username: m.username, userId: m.userId };
}

export const DEMO_MEMBER: MemberCredentials = credentials("demo");

export const TEST_MEMBERS = {
  /** Many workouts (heavyMemberWorkouts, default 3000), generated lazily. */
  heavy: credentials("heavy"),
  /** Correct password gets a "Verify your identity" page instead of the hidden form. */
  mfa: credentials("mfa"),
  /** Always answers 429 too_many_attempts (blocked by brute-force protection). */
  locked: credentials("locked"),
  /** A second normal member (km units, private profile, Europe/Berlin) for cross-user tests. */
  other: credentials("other"),
  /** A member with no workouts at all. */
  newbie: credentials("newbie"),
} as const;
