/**
 * Saving coded documents into a PostgreSQL store, a batch in one
 * transaction, with the SQLite store's rules (../sqlite.ts): a document
 * stored with the same content hash and dictionary version is left as it is;
 * one with other content or dictionaries loses its old events and sentences;
 * within a batch each document is saved as if alone, in order, so a document
 * given twice ends as its last version, its events after the batch's others.
 *
 * A batch costs a fixed number of round trips however many documents it
 * holds: one read of the stored versions (locking those rows against another
 * writer), one delete of the replaced documents' rows, one upsert of the
 * documents from arrays, and two `COPY ... FROM STDIN` streams for the
 * sentences and events. COPY keeps the order of its input, so events get
 * their `seq` in the order SQLite would give it. The aggregates follow in
 * the same transaction (./aggregates.ts): the replaced events, which their
 * delete returns, taken away and the new ones added.
 */
import { hostname } from "node:os";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Document, Event } from "../../core/index.js";
import { AggregateDeltas } from "../aggregate-writes.js";
import { EVENT_COLUMNS, eventToRow } from "../rows.js";
import { applyAggregates } from "./aggregates.js";
import { contentHash, type CodedItem, type EventRow, type RunCounts, type RunInfo, type SaveCounts, type SaveOutcome } from "../store.js";

/** A pool, or one connection of it inside a transaction. */
type Db = pg.Pool | pg.PoolClient;

const DOCUMENT_COLUMNS = ["id", "content_hash", "dict_version", "date", "place", "source", "url", "title", "text", "parse", "run", "coded_at"] as const;

/** One field in COPY's text format: `\N` for NULL, and the four characters it reads specially escaped. */
function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Rows to COPY's text format, a chunk of a few hundred kilobytes at a time. */
function* copyLines(rows: Iterable<(string | number | null | undefined)[]>): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += row.map(copyField).join("\t") + "\n";
    if (chunk.length >= 1 << 18) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

async function copyInto(client: pg.ClientBase, table: string, columns: readonly string[], rows: (string | number | null | undefined)[][]): Promise<void> {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(copyLines(rows)), stream);
}

/** What a batch leaves to write once every document's outcome is known. */
interface Plan {
  outcomes: SaveOutcome[];
  /** Stored documents whose old rows go. */
  replaced: string[];
  /** The documents to write, each once, as its last version in the batch. */
  documents: Map<string, (string | number | null)[]>;
  /** The events to write by document, in the order SQLite would insert them. */
  events: Map<string, Event[]>;
}

function plan(items: CodedItem[], stored: Map<string, { hash: string; version: string }>, dictVersion: string, run: number | null): Plan {
  const p: Plan = { outcomes: [], replaced: [], documents: new Map(), events: new Map() };
  const inStore = new Set(stored.keys());
  const at = new Date().toISOString();
  for (const { doc, events } of items) {
    const hash = contentHash(doc);
    const before = stored.get(doc.id);
    if (before && before.hash === hash && before.version === dictVersion) {
      p.outcomes.push("unchanged");
      continue;
    }
    for (const e of events) if (e.doc !== doc.id) throw new Error(`event ${e.id} belongs to document ${e.doc}, not ${doc.id}`);
    p.outcomes.push(before ? "replaced" : "added");
    if (before && inStore.delete(doc.id)) p.replaced.push(doc.id);
    // saved again in this batch: its earlier events go, and its new ones come after the batch's others
    p.events.delete(doc.id);
    p.events.set(doc.id, events);
    p.documents.set(doc.id, documentRow(doc, hash, dictVersion, run, at));
    stored.set(doc.id, { hash, version: dictVersion });
  }
  return p;
}

function documentRow(doc: Document, hash: string, dictVersion: string, run: number | null, at: string): (string | number | null)[] {
  return [doc.id, hash, dictVersion, doc.date, doc.place, doc.source ?? null, doc.url ?? null, doc.title ?? null, doc.text, doc.parse ?? null, run, at];
}

/** What an event's removal takes from the aggregates: its tuple, Goldstein score and whether it counts. */
const REMOVED_COLUMNS = "date, source_code, target_code, code, root, quad, goldstein, negated, mood, intended_code";

const UPSERT_DOCUMENTS =
  `INSERT INTO documents (${DOCUMENT_COLUMNS.join(", ")}) SELECT * FROM unnest(` +
  DOCUMENT_COLUMNS.map((c, i) => `$${i + 1}::${c === "run" ? "bigint" : "text"}[]`).join(", ") +
  `) ON CONFLICT (id) DO UPDATE SET ${DOCUMENT_COLUMNS.filter((c) => c !== "id")
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ")}`;

/** Saves the batch inside the caller's transaction; each document's outcome, in order. */
export async function saveItems(client: pg.ClientBase, items: CodedItem[], dictVersion: string, run: number | null): Promise<SaveOutcome[]> {
  if (items.length === 0) return [];
  const ids = [...new Set(items.map((i) => i.doc.id))];
  const found = await client.query<{ id: string; content_hash: string; dict_version: string }>("SELECT id, content_hash, dict_version FROM documents WHERE id = ANY($1::text[]) FOR UPDATE", [ids]);
  const stored = new Map(found.rows.map((r) => [r.id, { hash: r.content_hash, version: r.dict_version }]));
  const p = plan(items, stored, dictVersion, run);
  const deltas = new AggregateDeltas();
  if (p.replaced.length) {
    const removed = await client.query<EventRow>(`DELETE FROM events WHERE doc = ANY($1::text[]) RETURNING ${REMOVED_COLUMNS}`, [p.replaced]);
    for (const row of removed.rows) deltas.add(row, -1);
    await client.query("DELETE FROM sentences WHERE doc = ANY($1::text[])", [p.replaced]);
  }
  if (p.documents.size) {
    const rows = [...p.documents.values()];
    await client.query(UPSERT_DOCUMENTS, DOCUMENT_COLUMNS.map((_, i) => rows.map((r) => r[i])));
  }
  // as SQLite's INSERT OR IGNORE: the first sentence of a (document, index) and the first event of an id are kept
  const sentences: (string | number)[][] = [];
  const eventRows: (string | number | null)[][] = [];
  const seenEvents = new Set<string>();
  for (const [doc, events] of p.events) {
    const seenSentences = new Set<number>();
    for (const e of events) {
      if (!seenSentences.has(e.sentence)) {
        seenSentences.add(e.sentence);
        sentences.push([doc, e.sentence, e.text]);
      }
      if (seenEvents.has(e.id)) continue;
      seenEvents.add(e.id);
      const row = eventToRow(e);
      eventRows.push(EVENT_COLUMNS.map((c) => row[c]));
      deltas.add(row, 1);
    }
  }
  await copyInto(client, "sentences", ["doc", "idx", "text"], sentences);
  await copyInto(client, "events", EVENT_COLUMNS, eventRows);
  await applyAggregates(client, deltas);
  return p.outcomes;
}

export function countOutcomes(items: CodedItem[], outcomes: SaveOutcome[]): SaveCounts {
  const counts: SaveCounts = { added: 0, replaced: 0, unchanged: 0, events: 0 };
  outcomes.forEach((o, i) => {
    counts[o]++;
    if (o !== "unchanged") counts.events += items[i].events.length;
  });
  return counts;
}

export async function addToRun(client: Db, run: number, c: SaveCounts): Promise<void> {
  await client.query("UPDATE runs SET documents_added = documents_added + $1, documents_replaced = documents_replaced + $2, documents_unchanged = documents_unchanged + $3, events_written = events_written + $4 WHERE id = $5", [c.added, c.replaced, c.unchanged, c.events, run]);
}

export async function beginRun(client: Db, info: RunInfo): Promise<number> {
  const r = await client.query<{ id: number }>(
    "INSERT INTO runs (command, status, started_at, dict_version, annals_version, inputs, pid, host) VALUES ($1, 'running', $2, $3, $4, $5, $6, $7) RETURNING id",
    [info.command, new Date().toISOString(), info.dictVersion, info.annalsVersion, JSON.stringify(info.inputs), process.pid, hostname()],
  );
  return r.rows[0].id;
}

export async function finishRun(client: Db, run: number, c: RunCounts, status: "done" | "failed"): Promise<void> {
  await client.query(
    "UPDATE runs SET status = $1, finished_at = $2, documents_added = $3, documents_replaced = $4, documents_unchanged = $5, documents_failed = $6, events_written = $7 WHERE id = $8",
    [status, new Date().toISOString(), c.added, c.replaced, c.unchanged, c.failed, c.events, run],
  );
}

/** True when a process with this id exists on this machine. */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Marks as `interrupted` the runs left `running` by a process that is gone:
 * one of this machine whose pid no longer exists, or one that recorded none.
 * A run of another machine is left as it is: from here it cannot be told
 * from one still at work.
 */
export async function recoverRuns(pool: pg.Pool): Promise<number> {
  const here = hostname();
  const running = (await pool.query<{ id: number; pid: number | null; host: string | null }>("SELECT id, pid, host FROM runs WHERE status = 'running'")).rows;
  const gone = running.filter((r) => r.pid === null || (r.host === here && !processAlive(r.pid))).map((r) => r.id);
  if (gone.length) await pool.query("UPDATE runs SET status = 'interrupted', finished_at = $1 WHERE id = ANY($2::bigint[]) AND status = 'running'", [new Date().toISOString(), gone]);
  return gone.length;
}
