/** Series periods as the store names them (`2023-03-16`, the Monday `2023-03-13`, `2023-03`, `2023`) and the dates they cover. */
import type { Period } from "./contract.js";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** First and last date (inclusive) of a period. */
export function periodRange(period: string, by: Period): { from: string; to: string } {
  if (by === "year") return { from: `${period}-01-01`, to: `${period}-12-31` };
  if (by === "month") {
    const [y, m] = period.split("-").map(Number);
    return { from: `${period}-01`, to: iso(new Date(Date.UTC(y, m, 0))) };
  }
  if (by === "week") return { from: period, to: iso(addDays(day(period), 6)) };
  return { from: period, to: period };
}

/** The period after this one. */
export function nextPeriod(period: string, by: Period): string {
  if (by === "year") return String(Number(period) + 1);
  if (by === "month") {
    const [y, m] = period.split("-").map(Number);
    return iso(new Date(Date.UTC(y, m, 1))).slice(0, 7);
  }
  return iso(addDays(day(period), by === "week" ? 7 : 1));
}

/**
 * Every period from the first to the last given, so quiet periods show as gaps;
 * only those given (`complete` false) when that would be more than `max`.
 */
export function fillPeriods(periods: string[], by: Period, max = 2000): { periods: string[]; complete: boolean } {
  const sorted = [...new Set(periods)].sort();
  if (sorted.length < 2) return { periods: sorted, complete: true };
  const out: string[] = [];
  const last = sorted[sorted.length - 1];
  for (let p = sorted[0]; p <= last; p = nextPeriod(p, by)) {
    out.push(p);
    if (out.length > max) return { periods: sorted, complete: false };
  }
  return { periods: out, complete: true };
}

/** The later of two dates / the earlier, either may be missing. */
export const later = (a: string | undefined, b: string) => (a && a > b ? a : b);
export const earlier = (a: string | undefined, b: string) => (a && a < b ? a : b);
