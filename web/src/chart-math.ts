/**
 * The arithmetic of the charts, apart from the DOM so it can be tested on its
 * own: axis ticks, the runs of a line over periods, and the classes of the
 * map's shading.
 */
import type { Period } from "./contract.js";
import { nextPeriod } from "./periods.js";

/**
 * Ticks for a count axis from 0 to at least `max`: whole numbers, evenly
 * spaced by 1, 2 or 5 times a power of ten, about `target` of them, each one
 * different ("0, 1, 2", never "0, 0.5, 1" shown as "0, 1, 1").
 */
export function niceTicks(max: number, target = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw - 1e-9) ?? 10 * mag);
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => i * step);
}

/** A text's width in pixels at `px` (system sans-serif), on the generous side: room for labels is reserved by it. */
export function textWidth(text: string, px = 11): number {
  let em = 0;
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.62;
    else if (/[,.:;' ]/.test(ch)) em += 0.32;
    else if (/[A-Z]/.test(ch)) em += 0.74;
    else if (/[−+\-–]/.test(ch)) em += 0.62;
    else em += 0.6;
  }
  return Math.ceil(em * px);
}

export interface PeriodValue {
  period: string;
  /** Null where the period has no events. */
  value: number | null;
}

/**
 * The stretches of a line over periods: it runs only between neighbouring
 * periods that both have a value. A period without events, or periods drawn
 * side by side though others lie between them, break it.
 */
export function lineRuns(points: PeriodValue[], by: Period): PeriodValue[][] {
  const runs: PeriodValue[][] = [];
  let run: PeriodValue[] = [];
  let last: string | null = null;
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) {
      if (run.length) runs.push(run);
      run = [];
      last = null;
      continue;
    }
    if (run.length && last !== null && nextPeriod(last, by) !== p.period) {
      runs.push(run);
      run = [];
    }
    run.push(p);
    last = p.period;
  }
  if (run.length) runs.push(run);
  return runs;
}

/** `v` rounded down to 1, 2 or 5 times a power of ten (whole numbers below 10 stay as they are). */
function niceFloor(v: number): number {
  if (v < 10) return Math.max(1, Math.floor(v));
  const mag = 10 ** Math.floor(Math.log10(v));
  return [5, 2, 1].map((m) => m * mag).find((s) => s <= v) ?? mag;
}

/** `v` rounded down to `digits` significant digits. */
function sigFloor(v: number, digits: number): number {
  const mag = 10 ** Math.max(0, Math.floor(Math.log10(v)) - digits + 1);
  return Math.floor(v / mag) * mag;
}

/**
 * The lower bounds of at most `n` classes for shading counts: each distinct
 * count its own class when there are few, else bounds near the quantiles.
 * Ascending and distinct; the first is the smallest count, the others are
 * rounded down as far as they can be without moving a count to another
 * class (to 1, 2 or 5 times a power of ten, else to one or two significant
 * digits): "5,000" rather than "5,213".
 */
export function classBreaks(values: number[], n = 5): number[] {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  const raw = distinct.length <= n ? distinct : [...new Set(Array.from({ length: n }, (_, k) => sorted[Math.floor((k * sorted.length) / n)]))];
  const bounds = [raw[0]];
  for (const b of raw.slice(1)) {
    // the largest count below the bound must stay below it
    const below = distinct.filter((v) => v < b).pop() ?? 0;
    const floor = Math.max(below, bounds[bounds.length - 1]);
    const nice = [niceFloor(b), sigFloor(b, 1), sigFloor(b, 2), b].find((c) => c > floor && c <= b);
    if (nice !== undefined) bounds.push(nice);
  }
  return bounds;
}

/** The class of a count: the last bound not above it (-1 below the first). */
export function classOf(v: number, bounds: number[]): number {
  let c = -1;
  for (let i = 0; i < bounds.length; i++) if (v >= bounds[i]) c = i;
  return c;
}

/** A class's counts, [min, max], the last class ending at `max`. */
export function classRange(bounds: number[], i: number, max: number): [number, number] {
  return [bounds[i], i + 1 < bounds.length ? bounds[i + 1] - 1 : Math.max(max, bounds[i])];
}
