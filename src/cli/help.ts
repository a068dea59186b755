/**
 * `annals COMMAND --help`: what the command does, its usage, and every option
 * it takes, explained. The usage lines are the commands' own (main.ts's
 * USAGE); the explanations are here, one entry per option a command declares
 * (test/cli-help.test.ts checks that the two sets are the same).
 */
import { nearest } from "./args.js";

interface CommandHelp {
  /** What the command does, in a sentence or two. */
  about: string;
  /** Each positional argument or option as the usage writes it, and what it does. */
  options: [string, string][];
}

const INPUTS: [string, string] = [
  "FILES|DIR|-",
  'articles (.txt, optionally opened by a "date YYYY-MM-DD Place" line), JSON Lines (.jsonl, .ndjson) or PETRARCH XML (.xml); a folder means every such file below it; "-" or nothing reads standard input',
];
const CODING: [string, string][] = [
  ["--lines", "read each line as a document of its own (a sentence or a headline), dated by --date"],
  ["--date YYYY-MM-DD", "the date of documents that give none; events are dated from it"],
  ["--dict DIR", "code with the dictionaries in DIR (as written by annals dict import-petrarch) instead of annals' own"],
  ["--max-chars N", "refuse documents longer than N characters (default 1,000,000)"],
  ["--no-require-dyad", "keep events with a source or a target only; by default an event needs both"],
  ["--use-parse", "code the parse trees PETRARCH XML gives rather than the text's own analysis"],
];
const DB: [string, string] = ["--db FILE|URL", "the event store: a SQLite file, or a PostgreSQL database as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: the ANNALS_DB environment variable, else annals.db)"];
const FILTERS: [string, string][] = [
  DB,
  ["--actor CODE", "events with this actor on either side; a code prefix (CHN takes CHNGOV)"],
  ["--dyad SRC,TGT", 'events from SRC to TGT, code prefixes; either may be empty ("USA," or ",IRN")'],
  ["--code 04|040", "a CAMEO root (04), or a code and those below it (043)"],
  ["--quad 1-4", "a quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"],
  ["--plover CAT", "a PLOVER category (CONSULT, ACCUSE, ...)"],
  ["--mood M", "asserted, intended, hypothetical or reported-past"],
  ["--negated yes|no", "only denied events, or only those not denied"],
  ["--from D", "events on or after this date (YYYY-MM-DD)"],
  ["--to D", "events on or before this date (YYYY-MM-DD)"],
  ["--text WORDS", "events whose sentence has all these words (full-text, stemmed)"],
  ["--doc ID", "the events of one document"],
];
const PIPELINE: [string, string][] = [
  ["--batch N", "documents written per transaction (default 200, at most 100,000); a stopped run keeps whole batches"],
  ["--workers N", "threads that code, the main thread among them (default: as many as the cores; 1 codes in the main thread alone; at most 256)"],
];

export const HELP: Record<string, CommandHelp> = {
  code: {
    about: "Codes documents into events and prints them: JSON Lines (one event a line), TSV, or each sentence marked up with its events for reading. Nothing is stored.",
    options: [
      INPUTS,
      ...CODING,
      ["--format jsonl|tsv|pretty", "jsonl (default): the event record; tsv: a table with a header; pretty: sentences with [actors|CODE] and *verbs* marked, events below"],
      ["--report-unknown", "instead of events, list the names no dictionary codes, most frequent first, each with a sentence"],
    ],
  },
  ingest: {
    about: "Codes documents into an event store. Running it again stores nothing twice: unchanged documents are skipped, changed ones replace their events. Progress goes to stderr.",
    options: [INPUTS, DB, ...CODING, ...PIPELINE],
  },
  recode: {
    about: "Re-codes, from the text the store keeps, every stored document coded with other dictionaries or other options; the rest is left as it is.",
    options: [DB, ...CODING.filter(([o]) => !o.startsWith("--lines") && !o.startsWith("--date")), ...PIPELINE],
  },
  query: {
    about: "Prints the stored events that match the filters, in date order: a table, or JSON Lines for tools. Pages with --limit and --offset.",
    options: [
      ...FILTERS,
      ["--limit N", "events a page (default 100, at most 100,000; annals export gives them all)"],
      ["--offset N", "events to pass over before the page starts (default 0)"],
      ["--format table|jsonl", "table (default) for people, jsonl (the event record) for tools"],
    ],
  },
  stats: {
    about: "Counts the events that match the filters by period and quad class, or ranks actors or dyads: events (one per report) and distinct (date, source, target, code), with Goldstein totals and means.",
    options: [
      ...FILTERS,
      ["--by day|week|month|year", "the period to count by (default month; weeks start on Monday)"],
      ["--top actors|dyads", "rank actors (either side) or dyads by events instead"],
      ["--limit N", "rows of --top (default 10, at most 100,000)"],
      ["--all", "count every event; by default only asserted, non-negated events and stated acts count"],
      ["--format table|jsonl|csv", "table (default), JSON Lines or CSV"],
    ],
  },
  export: {
    about: "Streams every stored event that matches the filters to stdout, in the order stored: JSON Lines, CSV or GDELT's 61 columns; or writes a Parquet file.",
    options: [
      ["--format jsonl|csv|gdelt|parquet", "jsonl (default): the event record; csv: one column a field; gdelt: GDELT 2.0's event table, no header; parquet: typed columns, to --out"],
      ["--out FILE", "the file for --format parquet (never stdout)"],
      ...FILTERS,
    ],
  },
  serve: {
    about: "Serves the web page and the JSON API over an event store until Ctrl-C. Read-only unless a token is given.",
    options: [
      DB,
      ["--port N", "the port (default 8080; 0 takes any free port)"],
      ["--host H", "the address to listen on (default 127.0.0.1: this machine only)"],
      ["--token T", "allow POST /api/documents with this bearer token, at least 8 characters (or ANNALS_TOKEN)"],
      ["--dict DIR", "code posted text with the dictionaries in DIR"],
    ],
  },
  queue: {
    about: "The queue of documents that annals worker processes, on any number of machines, code into a PostgreSQL store. add: reads documents as ingest does and queues them in batches (a document queued before with the same id and content is left out); add --recode: queues the stored documents coded with other dictionaries or options; status: batches and documents queued, running (with each lease), done and failed, the rate, and the failures with their reasons; retry: puts failed batches back in the queue, and the documents that failed on their own into new batches. Batches queued by add --recode are taken only by workers coding with the same dictionaries and options.",
    options: [
      INPUTS,
      ["--db URL", "the PostgreSQL store, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: the ANNALS_DB environment variable)"],
      CODING[0],
      CODING[1],
      ["--batch N", "documents a batch (default 200, at most 100,000): what one worker claims, codes and stores in one transaction"],
      ["--recode", "add: queue the store's documents not coded with the dictionaries and options given (--dict, --no-require-dyad, --use-parse), rather than files; start the workers with the same ones"],
      ["--dict DIR", "add --recode: the dictionaries the documents are to be re-coded with"],
      CODING[4],
      CODING[5],
      ["--format table|json", "status: a table for people (default) or JSON for tools"],
    ],
  },
  worker: {
    about: "Codes the queued documents of a PostgreSQL store (annals queue add), batch after batch, until stopped; start one on each machine. Each batch is claimed under a lease renewed while it is coded, and its events and completion are written in one transaction: a worker that dies loses its batch when the lease runs out, and another codes it. Ctrl-C or SIGTERM gives the current batch back and exits.",
    options: [
      ["--db URL", "the PostgreSQL store, postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (default: the ANNALS_DB environment variable)"],
      ["--concurrency N", "threads that code (default 1; at most 256); give it the machine's cores, or start that many workers"],
      ["--once", "exit when the queue is empty, rather than wait for more batches"],
      ["--lease SECONDS", "how long a claim holds without renewal (default 120, at least 1); a dead worker's batch goes to another after it; renewed every third of it"],
      ...CODING.filter(([o]) => !o.startsWith("--lines") && !o.startsWith("--date")),
    ],
  },
  dict: {
    about: "Checks, counts or imports dictionaries. check: every problem as file:line, exit 1 if any; stats: entries by kind and CAMEO codes covered; import-petrarch: PETRARCH, TABARI or Phoenix dictionaries into an annals dictionary folder.",
    options: [
      ["DIR", "a dictionary folder (default annals' own)"],
      ["--out DIR", "import-petrarch: the folder to write, with import-report.txt listing what could not be converted"],
    ],
  },
  eval: {
    about: "Scores the coder against gold events: PETRARCH's unit-test records (petrarch), the PLV format (plv) or annals' own gold JSON Lines (gold); or the parser against a Universal Dependencies treebank (ud: UAS and LAS on the treebank's own words, and from each sentence's raw text split into words by annals' reader, scored as the CoNLL 2018 shared task does).",
    options: [
      ["--show-failures", "petrarch: print each record coded wrong, with what was expected and produced"],
      ["--use-parse", "petrarch: code the records' parse trees rather than their text"],
      ["--show misses|false|all", "plv, gold: list the sentences behind the misses, the false events, or both"],
      ["--date D", "plv, gold: code every sentence as of this date"],
      ["--dict DIR", "plv, gold: code with the dictionaries in DIR"],
      ["--no-require-dyad", "plv, gold: keep events with one side only"],
      ["--model FILE", "ud: a parser model other than annals' own (models/parser-en-ewt.bin)"],
    ],
  },
  parse: {
    about: "Prints the dependency trees (Universal Dependencies) of raw text, from annals' own tagger and parser.",
    options: [
      ["FILES", "text files; standard input when none"],
      ["--format conllu|pretty", "conllu (default): CoNLL-U, one word a line; pretty: an indented tree a sentence, for reading"],
      ["--model FILE", "a parser model other than annals' own (models/parser-en-ewt.bin)"],
    ],
  },
};

/** The commands the usage text names, in its order. */
export function commandsOf(usage: string): string[] {
  return [...new Set([...usage.matchAll(/^\s*annals ([a-z][a-z-]*)/gm)].map((m) => m[1]))];
}

/** The usage lines of one command. */
export function usageOf(command: string, usage: string): string[] {
  return usage
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l === `annals ${command}` || l.startsWith(`annals ${command} `));
}

/** The option names (without dashes) a help entry explains. */
export function explained(command: string): string[] {
  return (HELP[command]?.options ?? []).flatMap(([o]) => (o.startsWith("--") ? [o.slice(2).split(" ")[0]] : []));
}

const WIDTH = 100;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/**
 * The help of one command. `declared` are the options it takes (as its parser
 * declares them): one it takes that is not explained here is still listed.
 */
export function commandHelp(command: string, usage: string, declared: string[] = []): string {
  const entry = HELP[command];
  const rows: [string, string][] = [...(entry?.options ?? [])];
  const known = new Set(explained(command));
  for (const name of declared) if (!known.has(name)) rows.push([`--${name}`, ""]);
  const lines = entry ? [...wrap(`annals ${command}: ${entry.about}`, WIDTH), ""] : [];
  const own = usageOf(command, usage);
  lines.push(...own.map((l, i) => (i === 0 ? "usage: " : "       ") + l));
  if (rows.length) {
    const left = Math.min(34, Math.max(...rows.map(([o]) => o.length)) + 2);
    lines.push("");
    for (const [option, text] of rows) {
      const body = wrap(text, WIDTH - left - 2);
      const first = option.length + 2 > left ? [`  ${option}`, ...body.map((b) => " ".repeat(left + 2) + b)] : [`  ${option.padEnd(left)}${body[0]}`, ...body.slice(1).map((b) => " ".repeat(left + 2) + b)];
      lines.push(...first.map((l) => l.trimEnd()));
    }
  }
  return lines.join("\n") + "\n";
}

/** "unknown command", with the nearest command when the word looks like a typo of one. */
export function unknownCommand(command: string, usage: string): string {
  const commands = commandsOf(usage);
  const near = command.startsWith("-") ? nearest(command.replace(/^-+/, ""), ["help", "version"]) : nearest(command, commands);
  const which = command.startsWith("-") ? `unknown option ${command}` : `unknown command "${command}"`;
  return `${which}${near ? `; did you mean ${command.startsWith("-") ? "--" : ""}${near}?` : ""}`;
}
