/**
 * The fixture format of test/fixtures/sentences.txt: a case is `[id] DATE`,
 * its text, then `= SOURCE TARGET CODE [mood] [negated]` lines or `= none`.
 */
import type { Event, Mood } from "../../src/core/index.js";

export interface Expectation {
  source: string;
  target: string;
  /** Two digits: any code of that root; more: exactly that code. */
  code: string;
  mood: Mood;
  negated: boolean;
}

export interface FixtureCase {
  id: string;
  date: string;
  text: string;
  line: number;
  expect: Expectation[];
}

export function parseFixtures(text: string): FixtureCase[] {
  const cases: FixtureCase[] = [];
  let cur: FixtureCase | null = null;
  const body: string[] = [];
  const flush = () => {
    if (cur) {
      cur.text = body.join("\n").trim();
      cases.push(cur);
    }
    cur = null;
    body.length = 0;
  };
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, "").trimEnd();
    if (line.startsWith("#")) return;
    const head = /^\[([^\]]+)\]\s+(\d{4}-\d{2}-\d{2})\s*$/.exec(line);
    if (head) {
      flush();
      cur = { id: head[1], date: head[2], text: "", line: i + 1, expect: [] };
      return;
    }
    if (!cur) return;
    const c = cur as FixtureCase;
    if (line.startsWith("= ")) {
      const words = line.slice(2).trim().split(/\s+/);
      if (words[0] === "none") return;
      const [source, target, code, ...flags] = words;
      const mood = (flags.find((f) => f !== "negated") ?? "asserted") as Mood;
      c.expect.push({ source, target, code, mood, negated: flags.includes("negated") });
    } else if (line.trim() !== "") body.push(line);
  });
  flush();
  return cases;
}

export function fits(e: Event, x: Expectation): boolean {
  return (
    e.source?.code === x.source &&
    e.target?.code === x.target &&
    (x.code.length === 2 ? e.root === x.code : e.code === x.code) &&
    e.mood === x.mood &&
    e.negated === x.negated
  );
}

export interface CaseScore {
  truePositives: number;
  falsePositives: Event[];
  missed: Expectation[];
}

/**
 * Scores one case: each expectation must be met by some event; every asserted,
 * non-negated event must meet some expectation (flagged events that nobody
 * expected are not counted against the coder: they are marked, not asserted).
 */
export function scoreCase(events: Event[], expect: Expectation[]): CaseScore {
  const missed = expect.filter((x) => !events.some((e) => fits(e, x)));
  const falsePositives = events.filter((e) => e.mood === "asserted" && !e.negated && !expect.some((x) => fits(e, x)));
  return { truePositives: expect.length - missed.length, falsePositives, missed };
}
