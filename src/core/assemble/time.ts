/**
 * Event dates: the document date, moved by what the clause says
 * ("yesterday", "on Saturday", "last week", "on March 3").
 */
import type { Token } from "../analyse/tagger.js";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function parse(date: string): Date {
  return new Date(date + "T00:00:00Z");
}
function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, "").toLowerCase();
  if (w === "sept") return 8;
  if (MONTHS.includes(w)) return MONTHS.indexOf(w);
  return fullMonth(w) ? MONTHS.indexOf(w.slice(0, 3)) : -1;
}
function fullMonth(w: string): boolean {
  return /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(w);
}

/** The date a clause's event happened, from the document date and the clause's own time words. */
export function eventDate(docDate: string | null, tokens: Token[], from: number, to: number, future = false): string | null {
  if (!docDate) return null;
  for (let i = from; i < to; i++) {
    const w = tokens[i].lower;
    if (w === "yesterday") return addDays(docDate, -1);
    if (w === "tomorrow") return addDays(docDate, 1);
    if (w === "today" || w === "tonight") return docDate;
    if (w === "last" && tokens[i + 1]?.lower === "week") return addDays(docDate, -7);
    if (w === "last" && tokens[i + 1] && WEEKDAYS.includes(tokens[i + 1].lower)) return weekdayBefore(docDate, WEEKDAYS.indexOf(tokens[i + 1].lower), true);
    const day = WEEKDAYS.indexOf(w);
    if (day >= 0 && (tokens[i - 1]?.lower === "on" || tokens[i + 1]?.text === "," || tokens[i + 1]?.text === ".")) {
      // a plan "on Friday" is the coming Friday; a report "on Friday" the last one
      return future ? weekdayAfter(docDate, day) : weekdayBefore(docDate, day, false);
    }
    const month = /^[A-Z]/.test(tokens[i].text) ? monthIndex(w) : -1;
    if (month >= 0 && /^\d{1,2}$/.test(tokens[i + 1]?.text ?? "")) {
      const dayOfMonth = Number(tokens[i + 1].text);
      const doc = parse(docDate);
      let year = doc.getUTCFullYear();
      if (/^\d{4}$/.test(tokens[i + 3]?.text ?? "") && tokens[i + 2]?.text === ",") year = Number(tokens[i + 3].text);
      const d = new Date(Date.UTC(year, month, dayOfMonth));
      if (d.getUTCMonth() !== month) continue;
      // A date later than the story without a year is last year's ("on Dec. 30" in a January story).
      if (d > doc && !/^\d{4}$/.test(tokens[i + 3]?.text ?? "")) d.setUTCFullYear(year - 1);
      return format(d);
    }
  }
  return docDate;
}

/** The next given weekday after the document date. */
function weekdayAfter(docDate: string, day: number): string {
  const d = parse(docDate);
  const diff = (day - d.getUTCDay() + 7) % 7 || 7;
  return addDays(docDate, diff);
}

/** The most recent given weekday before the document date; news says "on Saturday" of the past week. */
function weekdayBefore(docDate: string, day: number, strictlyLastWeek: boolean): string {
  const d = parse(docDate);
  let diff = (d.getUTCDay() - day + 7) % 7;
  if (diff === 0) diff = strictlyLastWeek ? 7 : 0;
  return addDays(docDate, -diff);
}
