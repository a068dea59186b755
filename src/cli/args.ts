/**
 * Argument parsing shared by the commands: a usage error exits 2, and says in
 * annals' own words what is wrong with which option. `--help` (or `-h`)
 * anywhere before `--` asks for the command's help instead (see ./help.ts).
 */
import { parseArgs } from "node:util";

export class UsageError extends Error {}

/** `--help` or `-h` was given: the command prints its help instead of running. `options` are the options it declares. */
export class HelpRequested extends Error {
  constructor(readonly options: string[]) {
    super("help requested");
  }
}

type Options = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? NonNullable<O> : never) : never;

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/** Whether the arguments ask for help: `--help` or `-h` before any `--`. */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some(isHelp);
}

export function parse<T extends Options>(argv: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  if (wantsHelp(argv)) throw new HelpRequested(Object.keys(options));
  // not strict: Node's own messages ("argument is ambiguous", an unknown option's unclosed quote) are replaced by the checks below
  const { values, positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const declared = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (!declared) {
      const near = nearest(t.name, Object.keys(options));
      throw new UsageError(`unknown option ${t.rawName}${near ? `; did you mean --${near}?` : ""}`);
    }
    if (declared.type === "boolean") {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value, not "${t.value}"`);
      continue;
    }
    if (t.value === undefined) throw new UsageError(`${t.rawName} needs a value`);
    // "--text --limit 5": the value given is the next option; a negative number ("--limit -1") is a value, checked by the command
    if (!t.inlineValue && t.value.length > 1 && t.value.startsWith("-") && !/^-[\d.]/.test(t.value)) {
      throw new UsageError(`${t.rawName} needs a value, and is followed by the option ${t.value} (a value that starts with "-" is written ${t.rawName}=${t.value})`);
    }
    if (t.value === "") throw new UsageError(`${t.rawName} needs a value, not an empty one`);
  }
  return { values, positionals } as ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;
}

/**
 * A whole-number option: digits only (no sign, fraction, exponent or spaces),
 * from `min` to `max`, both safe integers, so that nothing past it (SQLite's
 * LIMIT and OFFSET among them) ever sees a number it cannot take. The message
 * names the option and the range.
 */
export function wholeNumber(option: string, value: string, min: number, max: number, hint = ""): number {
  const n = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
  if (!(Number.isSafeInteger(n) && n >= min && n <= max)) {
    throw new UsageError(`--${option} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}${hint}, not "${value}"`);
  }
  return n;
}

/** The candidate nearest to a mistyped word: the one it begins, or one at most two edits away (one for short words). */
export function nearest(word: string, candidates: string[]): string | undefined {
  const w = word.toLowerCase();
  const prefixed = candidates.filter((c) => w.length >= 2 && c.startsWith(w));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = w.length <= 4 ? 1 : 2;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
