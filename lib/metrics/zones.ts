/**
 * Coggan / Peloton power zones from FTP (pure). Zone bounds are whole percentages of FTP:
 * Z1 ≤ 55 %, Z2 56–75 %, Z3 76–90 %, Z4 91–105 %, Z5 106–120 %, Z6 121–150 %, Z7 > 150 %.
 * The edge between two zones sits halfway between those whole percentages (55.5 %, 75.5 %, …), and the displayed watt
 * ranges are exactly the whole watts each zone holds, so the ranges tile with no gaps: FTP 200 → Z1 0–110, Z2 111–150,
 * Z4 181–210 W; FTP 265 → Z1 0–147, Z2 148–200 W. A reading is classified with the same edges, so every wattage falls
 * in exactly one zone and in the range shown for it.
 */
export interface PowerZone {
  zone: number;
  name: string;
  minPct: number;
  /** null for the open-ended top zone */
  maxPct: number | null;
  minWatts: number;
  maxWatts: number | null;
}

const POWER_ZONES: { name: string; minPct: number; maxPct: number | null }[] = [
  { name: "Active Recovery", minPct: 0, maxPct: 0.55 },
  { name: "Endurance", minPct: 0.56, maxPct: 0.75 },
  { name: "Tempo", minPct: 0.76, maxPct: 0.9 },
  { name: "Threshold", minPct: 0.91, maxPct: 1.05 },
  { name: "VO2 Max", minPct: 1.06, maxPct: 1.2 },
  { name: "Anaerobic", minPct: 1.21, maxPct: 1.5 },
  { name: "Neuromuscular", minPct: 1.51, maxPct: null },
];

/** Upper edge of each closed zone in tenths of a percent (555 = 55.5 %): integers, so classification is exact. */
const EDGES_PERMILLE = POWER_ZONES.flatMap((z) => (z.maxPct === null ? [] : [Math.round(z.maxPct * 1000) + 5]));

/** The first whole watt at or above an edge. */
const firstWattAt = (edgePermille: number, ftp: number) => Math.ceil((edgePermille * ftp) / 1000 - 1e-9);

export function powerZones(ftp: number): PowerZone[] {
  if (!Number.isFinite(ftp) || ftp <= 0) return [];
  return POWER_ZONES.map((z, i) => {
    const below = EDGES_PERMILLE[i - 1];
    const above = EDGES_PERMILLE[i];
    return {
      zone: i + 1,
      name: z.name,
      minPct: z.minPct,
      maxPct: z.maxPct,
      minWatts: below === undefined ? 0 : firstWattAt(below, ftp),
      maxWatts: above === undefined ? null : firstWattAt(above, ftp) - 1,
    };
  });
}

/** Zone number (1–7) of a power reading; null when FTP or the reading is unusable. */
export function powerZoneOf(watts: number | null, ftp: number): number | null {
  if (watts === null || !Number.isFinite(watts) || watts < 0 || !(ftp > 0)) return null;
  const index = EDGES_PERMILLE.findIndex((edge) => watts * 1000 < edge * ftp);
  return index === -1 ? 7 : index + 1;
}

/**
 * Friel heart-rate zones from lactate threshold HR. Each lower bound is its percentage of LTHR rounded to whole bpm, and
 * each zone runs up to one below the next zone's lower bound, so the ranges tile with no gaps (LTHR 168: Z1 0–142,
 * Z2 143–150).
 */
export interface HeartRateZone {
  zone: string;
  name: string;
  minBpm: number;
  maxBpm: number | null;
}

const FRIEL_ZONES: { zone: string; name: string; pct: number }[] = [
  { zone: "1", name: "Recovery", pct: 0 },
  { zone: "2", name: "Aerobic", pct: 0.85 },
  { zone: "3", name: "Tempo", pct: 0.9 },
  { zone: "4", name: "Sub-threshold", pct: 0.95 },
  { zone: "5a", name: "Super-threshold", pct: 1.0 },
  { zone: "5b", name: "Aerobic capacity", pct: 1.03 },
  { zone: "5c", name: "Anaerobic capacity", pct: 1.07 },
];

export function heartRateZones(lthr: number): HeartRateZone[] {
  if (!Number.isFinite(lthr) || lthr <= 0) return [];
  const lowers = FRIEL_ZONES.map((z) => Math.round(z.pct * lthr));
  return FRIEL_ZONES.map((z, i) => {
    const next = lowers[i + 1];
    return { zone: z.zone, name: z.name, minBpm: lowers[i] ?? 0, maxBpm: next === undefined ? null : next - 1 };
  });
}
