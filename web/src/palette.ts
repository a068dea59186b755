/** Colours shared by the charts, the map and the network: one meaning, one colour everywhere. */

export const QUAD_NAMES: Record<number, string> = { 0: "other", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

export const QUAD_COLOURS: Record<number, string> = { 0: "#9aa0a6", 1: "#7fb3d5", 2: "#1f5f99", 3: "#f0a35e", 4: "#c0392b" };

/** Goldstein −10 (red) through 0 (grey) to +10 (blue). */
export function goldsteinColour(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [150, 150, 150];
  const end = t < 0 ? [192, 57, 43] : [31, 95, 153];
  // a square root: a mild score still shows its side clearly
  const a = Math.sqrt(Math.abs(t));
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * a));
  return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
}
