/**
 * Coggan / Peloton power zones from FTP (pure). Zone bounds are percentages of FTP:
 * Z1 ≤ 55 %, Z2 56–75 %, Z3 76–90 %, Z4 91–105 %, Z5 106–120 %, Z6 121–150 %, Z7 > 150 %.
 * Displayed watt ranges round each bound (FTP 200 → Z4 182–210 W); classification uses the
 * percentages, so every wattage falls in exactly one zone.
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

export function powerZones(ftp: number): PowerZone[] {
  if (!Number.isFinite(ftp) || ftp <= 0) return [];
  return POWER_ZONES.map((z, i) => ({
    zone: i + 1,
    name: z.name,
    minPct: z.minPct,
    maxPct: z.maxPct,
    minWatts: Math.round(z.minPct * ftp),
    maxWatts: z.maxPct === null ? null : Math.round(z.maxPct * ftp),
  }));
}

/** Zone number (1–7) of a power reading; null when FTP or the reading is unusable. */
export function powerZoneOf(watts: number | null, ftp: number): number | null {
  if (watts === null || !Number.isFinite(watts) || watts < 0 || !(ftp > 0)) return null;
  const pct = watts / ftp;
  const index = POWER_ZONES.findIndex((z) => z.maxPct !== null && pct < z.maxPct + 0.005);
  return index === -1 ? 7 : index + 1;
}

/** Friel heart-rate zones from lactate threshold HR. */
export interface HeartRateZone {
  zone: string;
  name: string;
  minBpm: number;
  maxBpm: number | null;
}

export function heartRateZones(lthr: number): HeartRateZone[] {
  if (!Number.isFinite(lthr) || lthr <= 0) return [];
  const b = (pct: number) => Math.round(pct * lthr);
  return [
    { zone: "1", name: "Recovery", minBpm: 0, maxBpm: b(0.84) },
    { zone: "2", name: "Aerobic", minBpm: b(0.85), maxBpm: b(0.89) },
    { zone: "3", name: "Tempo", minBpm: b(0.9), maxBpm: b(0.94) },
    { zone: "4", name: "Sub-threshold", minBpm: b(0.95), maxBpm: b(0.99) },
    { zone: "5a", name: "Super-threshold", minBpm: b(1.0), maxBpm: b(1.02) },
    { zone: "5b", name: "Aerobic capacity", minBpm: b(1.03), maxBpm: b(1.06) },
    { zone: "5c", name: "Anaerobic capacity", minBpm: b(1.07), maxBpm: null },
  ];
}
