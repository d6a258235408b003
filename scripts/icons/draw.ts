/**
 * The AutoCoach mark (components/layout/logo.tsx: a rising line on a rounded square) drawn at any size, anti-aliased
 * by distance, so the PNG icons match the SVG one. `maskable` leaves the safe-zone margin Android's masks need.
 */
const LINE: [number, number][] = [
  [3, 17],
  [8, 11],
  [12, 15],
  [20, 5],
];
export const ICON_BACKGROUND = "#d42a43";
const BG = [0xd4, 0x2a, 0x43] as const;

function segmentDistance(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function drawIcon(size: number, opts: { maskable?: boolean } = {}): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const radius = opts.maskable ? 0 : size * 0.22;
  // the 24-unit logo grid, inset so the line sits inside the square (and inside the mask's safe zone)
  const inset = opts.maskable ? 0.2 : 0.12;
  const scale = (size * (1 - 2 * inset)) / 24;
  const half = (2.6 / 2) * scale;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      // rounded-square coverage
      const qx = Math.max(radius - cx, 0, cx - (size - radius));
      const qy = Math.max(radius - cy, 0, cy - (size - radius));
      const square = radius === 0 ? 1 : Math.max(0, Math.min(1, radius - Math.hypot(qx, qy) + 0.5));
      const gx = (cx - size * inset) / scale;
      const gy = (cy - size * inset) / scale;
      let d = Infinity;
      for (let i = 0; i < LINE.length - 1; i++) d = Math.min(d, segmentDistance(gx, gy, LINE[i] as [number, number], LINE[i + 1] as [number, number]));
      const line = Math.max(0, Math.min(1, half - d * scale + 0.5));
      const at = (y * size + x) * 4;
      out[at] = Math.round(BG[0] + (255 - BG[0]) * line);
      out[at + 1] = Math.round(BG[1] + (255 - BG[1]) * line);
      out[at + 2] = Math.round(BG[2] + (255 - BG[2]) * line);
      out[at + 3] = Math.round(255 * square);
    }
  }
  return out;
}

export function iconSvg(): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">`,
    `<rect width="32" height="32" rx="7" fill="${ICON_BACKGROUND}"/>`,
    `<g transform="translate(3.84 3.84) scale(1.013)"><path d="M3 17l5-6 4 4 8-10" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></g>`,
    `</svg>`,
    "",
  ].join("");
}
