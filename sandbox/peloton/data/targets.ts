import type { ClassKind, Range, TargetBlock } from "./types";

/** Builds a class's target blocks (video timeline, inclusive offsets) from its kind and a seeded rng. */
type Rng = () => number;
type Piece = Omit<TargetBlock, "start" | "end"> & { length: number };

const pick = <T>(rng: Rng, items: readonly T[]): T => {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pick from empty list");
  return item;
};
const steps = (rng: Rng, lo: number, hi: number, unit = 15) => Math.round((lo + rng() * (hi - lo)) / unit) * unit;

/** Fill `total` seconds by repeatedly asking `next` for pieces; the last one is trimmed to fit. */
function fill(total: number, next: (i: number) => Piece): Piece[] {
  const out: Piece[] = [];
  let used = 0;
  for (let i = 0; used < total; i++) {
    const piece = next(i);
    const length = Math.min(piece.length, total - used);
    out.push({ ...piece, length });
    used += length;
  }
  const last = out[out.length - 1];
  const prev = out[out.length - 2];
  if (last && prev && last.length < 30) {
    prev.length += last.length;
    out.pop();
  }
  return out;
}

export function phaseLengths(kind: ClassKind, duration: number): { warmup: number; cooldown: number } {
  if (kind === "warm_up" || kind === "cool_down" || duration <= 600) return { warmup: 0, cooldown: 0 };
  if (kind === "ftp_test") return { warmup: 420, cooldown: duration - 420 - 1200 };
  const warmup = duration <= 1200 ? 240 : duration <= 1800 ? 300 : 420;
  const cooldown = duration <= 1200 ? 120 : duration <= 2700 ? 180 : 300;
  return { warmup, cooldown };
}

const zone = (z: number, length: number): Piece => ({ type: "power_zone", zone: z, length });
const cue = (length: number, cadence: Range, resistance: Range): Piece => ({ type: "cues", cadence, resistance, length });
const run = (length: number, paceIntensity: number, incline: Range): Piece => ({ type: "running", paceIntensity, incline, length });
const row = (length: number, paceIntensity: number, strokeRate: Range): Piece => ({ type: "caesar", paceIntensity, strokeRate, length });

function powerZoneMain(kind: ClassKind, rng: Rng, total: number): Piece[] {
  let work = true;
  return fill(total, () => {
    const isWork = work;
    work = !work;
    if (kind === "pz_endurance") return isWork ? zone(pick(rng, [2, 3, 3]), steps(rng, 240, 600, 30)) : zone(2, steps(rng, 60, 180, 30));
    if (kind === "pz_max") {
      if (!isWork) return zone(pick(rng, [1, 2]), steps(rng, 90, 180, 15));
      const z = pick(rng, [5, 6, 7]);
      return zone(z, z === 7 ? steps(rng, 15, 30) : z === 6 ? steps(rng, 30, 60) : steps(rng, 60, 120));
    }
    if (!isWork) return zone(2, steps(rng, 60, 180, 30));
    const z = pick(rng, [3, 4, 4, 5]);
    return zone(z, z === 3 ? steps(rng, 300, 480, 30) : z === 4 ? steps(rng, 120, 300, 30) : steps(rng, 60, 120, 15));
  });
}

function cueMain(kind: ClassKind, rng: Rng, total: number): Piece[] {
  let work = true;
  return fill(total, () => {
    const isWork = work;
    work = !work;
    switch (kind) {
      case "hiit":
        return isWork
          ? pick(rng, [cue(steps(rng, 30, 60), [100, 110], [45, 55]), cue(steps(rng, 30, 60), [90, 100], [50, 60])])
          : cue(steps(rng, 60, 90), [75, 85], [25, 35]);
      case "climb":
        return isWork
          ? cue(steps(rng, 180, 360, 30), pick(rng, [[60, 70], [65, 75]] as const), pick(rng, [[50, 60], [55, 65], [60, 70]] as const))
          : cue(60, [80, 90], [30, 40]);
      case "low_impact":
        return cue(steps(rng, 120, 240, 30), pick(rng, [[70, 80], [75, 85]] as const), pick(rng, [[25, 35], [30, 40]] as const));
      case "warm_up":
        return cue(60, pick(rng, [[80, 90], [85, 95]] as const), pick(rng, [[25, 35], [30, 40]] as const));
      case "cool_down":
        return cue(60, [70, 80], [20, 30]);
      case "music":
        return cue(
          steps(rng, 60, 180, 30),
          pick(rng, [[80, 90], [90, 100], [70, 80], [100, 110]] as const),
          pick(rng, [[30, 40], [35, 45], [45, 55], [50, 60]] as const),
        );
      default:
        return cue(steps(rng, 120, 300, 30), pick(rng, [[80, 90], [85, 95], [90, 100]] as const), pick(rng, [[35, 45], [40, 50], [45, 55]] as const));
    }
  });
}

function mainPieces(kind: ClassKind, variant: number, rng: Rng, total: number): Piece[] {
  if (["power_zone", "pz_endurance", "pz_max"].includes(kind)) return powerZoneMain(kind, rng, total);
  if (kind === "ftp_test") return [{ type: "free_mode", length: 1200 }];
  if (kind === "tread_run") {
    let work = true;
    return fill(total, () => {
      const isWork = work;
      work = !work;
      if (variant === 1) return isWork ? run(steps(rng, 60, 120), pick(rng, [4, 5]), [1, 1]) : run(steps(rng, 60, 90), 1, [1, 1]);
      if (variant === 2) return run(steps(rng, 240, 480, 30), isWork ? 2 : 3, [0.5, 1.5]);
      return isWork ? run(steps(rng, 180, 420, 30), pick(rng, [2, 3]), pick(rng, [[1, 1], [2, 3]] as const)) : run(60, 1, [1, 1]);
    });
  }
  if (kind === "tread_walk") return fill(total, () => run(steps(rng, 120, 300, 30), pick(rng, [0, 1, 2]), pick(rng, [[2, 4], [5, 8], [1, 2]] as const)));
  if (kind === "row") {
    let work = true;
    return fill(total, () => {
      const isWork = work;
      work = !work;
      return isWork
        ? row(steps(rng, 90, 300, 30), pick(rng, [1, 2, 3]), pick(rng, [[22, 24], [24, 26], [26, 28], [28, 30]] as const))
        : row(steps(rng, 60, 90, 30), -1, [18, 20]);
    });
  }
  return cueMain(kind, rng, total);
}

function warmupPieces(kind: ClassKind, total: number): Piece[] {
  if (kind === "ftp_test") return [zone(2, 120), zone(3, 60), zone(2, 60), zone(4, 60), zone(2, 60), zone(5, 30), zone(1, 30)];
  if (["power_zone", "pz_endurance", "pz_max"].includes(kind)) {
    const seq = [zone(1, 60), zone(2, 90), zone(3, 60), zone(2, 30), zone(4, 30), zone(2, 60), zone(5, 30), zone(2, 60)];
    let i = 0;
    return fill(total, () => seq[i++ % seq.length] ?? zone(2, 60));
  }
  if (kind === "tread_run" || kind === "tread_walk") return fill(total, (i) => run(60, i < 2 ? 0 : 1, [1, 1]));
  if (kind === "row") return fill(total, (i) => row(60, i < 2 ? -1 : 0, [20, 22]));
  return fill(total, (i) => cue(60, i % 2 ? [85, 95] : [80, 90], i % 2 ? [30, 40] : [25, 35]));
}

function cooldownPiece(kind: ClassKind, length: number): Piece {
  if (["power_zone", "pz_endurance", "pz_max", "ftp_test"].includes(kind)) return zone(1, length);
  if (kind === "tread_run" || kind === "tread_walk") return run(length, 0, [1, 1]);
  if (kind === "row") return row(length, -1, [18, 20]);
  return cue(length, [70, 80], [20, 30]);
}

const TARGETED: ClassKind[] = [
  "power_zone", "pz_endurance", "pz_max", "ftp_test", "endurance", "hiit", "climb", "music", "low_impact", "warm_up", "cool_down",
  "tread_run", "tread_walk", "row",
];

export function buildTargets(kind: ClassKind, variant: number, duration: number, pedalingStart: number, rng: Rng): TargetBlock[] {
  if (!TARGETED.includes(kind)) return [];
  const { warmup, cooldown } = phaseLengths(kind, duration);
  const main = duration - warmup - cooldown;
  const pieces = [
    ...(warmup ? warmupPieces(kind, warmup) : []),
    ...mainPieces(kind, variant, rng, main),
    ...(cooldown ? [cooldownPiece(kind, cooldown)] : []),
  ];
  let at = pedalingStart;
  return pieces.map(({ length, ...rest }) => {
    const block: TargetBlock = { ...rest, start: at, end: at + length - 1 };
    at += length;
    return block;
  });
}
