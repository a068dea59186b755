/**
 * The filter options `annals query` and `annals export` share, checked and
 * turned into the store's `EventFilter`. A malformed value is a usage error
 * (exit 2) before the database is opened.
 */
import { normalizeDate, type Mood, type QuadClass } from "../core/index.js";
import type { EventFilter } from "../store/index.js";
import { UsageError } from "./args.js";

export const FILTER_OPTIONS = {
  db: { type: "string" },
  actor: { type: "string" },
  dyad: { type: "string" },
  code: { type: "string" },
  quad: { type: "string" },
  plover: { type: "string" },
  mood: { type: "string" },
  negated: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  text: { type: "string" },
  doc: { type: "string" },
} as const;

type FilterValues = { [K in keyof typeof FILTER_OPTIONS]?: string };

const MOODS: Mood[] = ["asserted", "intended", "hypothetical", "reported-past"];
const ACTOR = /^[A-Za-z0-9]+$/;

function date(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = normalizeDate(value);
  if (!d) throw new UsageError(`--${name} "${value}" is not a real date (YYYY-MM-DD)`);
  return d;
}

function actor(name: string, value: string): string {
  if (!ACTOR.test(value)) throw new UsageError(`${name} "${value}" is not an actor code or code prefix (letters and digits, as CHN or CHNGOV)`);
  return value.toUpperCase();
}

export function toEventFilter(v: FilterValues): EventFilter {
  const f: EventFilter = {};
  if (v.actor !== undefined) f.actor = actor("--actor", v.actor);
  if (v.dyad !== undefined) {
    const sides = v.dyad.split(",").map((s) => s.trim());
    if (sides.length !== 2 || (!sides[0] && !sides[1])) throw new UsageError(`--dyad "${v.dyad}" must be SOURCE,TARGET (either may be empty: "USA," or ",IRN")`);
    if (sides[0]) f.source = actor("--dyad source", sides[0]);
    if (sides[1]) f.target = actor("--dyad target", sides[1]);
  }
  if (v.code !== undefined) {
    if (!/^\d{2,4}$/.test(v.code)) throw new UsageError(`--code "${v.code}" must be a CAMEO root (04) or code (040, 0431), digits with their leading zeros`);
    f.code = v.code;
  }
  if (v.quad !== undefined) {
    if (!/^[1-4]$/.test(v.quad)) throw new UsageError(`--quad must be 1, 2, 3 or 4, not "${v.quad}"`);
    f.quad = Number(v.quad) as QuadClass;
  }
  if (v.plover !== undefined) f.plover = v.plover.toUpperCase();
  if (v.mood !== undefined) {
    if (!MOODS.includes(v.mood as Mood)) throw new UsageError(`--mood must be one of ${MOODS.join(", ")}, not "${v.mood}"`);
    f.mood = v.mood as Mood;
  }
  if (v.negated !== undefined) {
    if (!["yes", "no"].includes(v.negated)) throw new UsageError(`--negated must be yes or no, not "${v.negated}"`);
    f.negated = v.negated === "yes";
  }
  f.from = date("from", v.from);
  f.to = date("to", v.to);
  if (f.from && f.to && f.from > f.to) throw new UsageError(`--from ${f.from} is after --to ${f.to}`);
  if (v.text !== undefined) f.text = v.text;
  if (v.doc !== undefined) f.doc = v.doc;
  return f;
}
