/**
 * The event store on SQLite (better-sqlite3): one file, no server. WAL mode,
 * so queries read while an ingest writes; each batch of documents is one
 * transaction, so a killed ingest leaves whole documents or none. Every
 * statement is prepared with bound parameters.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Document, Event } from "../core/index.js";
import { aggregateStatsQuery, aggregateTopQuery } from "./aggregate-reads.js";
import { AggregateDeltas, AggregateWriter } from "./aggregate-writes.js";
import { guard, StoreError } from "./errors.js";
import { filterCondition, PERIOD_SQL } from "./filters.js";
import { eventToRow, EVENT_COLUMNS, rowToEvent } from "./rows.js";
import { boundedCount, EVENT_SELECT, keysetScans, locationsQuery, SORT_COLUMNS, STORED_SELECT, storedEvent } from "./reads.js";
import { topQuery } from "./top.js";
import { MIGRATIONS, SCHEMA_VERSION, SCHEMA_VERSION_TABLE } from "./schema.js";
import { contentHash, type CodedItem, type EventCount, type EventFilter, type EventRow, type KeysetPage, type LocationOptions, type LocationRow, type Page, type RunCounts, type StoredDocument, type StoredEvent, type RunInfo, type SaveCounts, type SaveOutcome, type StatsOptions, type StatsRow, type Store, type StoreCounts, type TopOptions, type TopRow } from "./store.js";

export interface OpenOptions {
  /** Open for reading only: the file must exist and hold an annals store; nothing is written. */
  readonly?: boolean;
  /** Internal, for tests that compare the two: answer `stats` and `top` by scanning the events, never from the aggregates. */
  scanCounts?: boolean;
}

const now = () => new Date().toISOString();
/** True when a process with this id exists (on this machine); a run's writer that is gone was killed. */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/** Refuses, before SQLite is asked, what SQLite would report less clearly. */
function checkFile(path: string, readonly: boolean): void {
  if (path === ":memory:") return;
  if (!existsSync(path)) {
    if (readonly) throw new StoreError(`no database at ${path}: run "annals ingest --db ${path}" first`);
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new StoreError(`cannot create ${path}: the folder ${dir} does not exist`);
    return;
  }
  if (statSync(path).isDirectory()) throw new StoreError(`${path} is a directory, not a database file`);
  if (readonly) return;
  // the permission bits, not only access(2): a superuser may write anything, but a file marked read-only is kept so
  let writable = (statSync(path).mode & 0o222) !== 0;
  try {
    accessSync(path, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new StoreError(`${path} is read-only: annals will not write to it (make it writable, or use another --db file)`);
}

function openDatabase(path: string, readonly: boolean): Database.Database {
  try {
    return new Database(path, { readonly, fileMustExist: readonly, timeout: 5000 });
  } catch (e) {
    if (e instanceof Error && /bindings|better_sqlite3\.node|NODE_MODULE_VERSION/.test(e.message)) {
      throw new StoreError(`the SQLite driver (better-sqlite3) is not built for this Node.js: run "npm rebuild better-sqlite3" (${e.message.split("\n")[0]})`);
    }
    throw e;
  }
}

/** The schema version of an open database; null when it is not an annals store (a foreign SQLite file). */
function schemaVersion(db: Database.Database): number | null {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (!tables.includes("schema_version")) return tables.length === 0 ? 0 : null;
  return (db.prepare("SELECT max(version) FROM schema_version").pluck().get() as number | null) ?? 0;
}

function migrate(db: Database.Database, path: string, readonly: boolean): void {
  const version = schemaVersion(db);
  if (version === null) throw new StoreError(`${path} is a SQLite database but not an annals store (it has other tables and no schema_version)`);
  if (version > SCHEMA_VERSION) throw new StoreError(`${path} was written by a newer annals (schema ${version}; this annals knows up to ${SCHEMA_VERSION}): upgrade annals`);
  if (version === SCHEMA_VERSION) return;
  if (readonly) throw new StoreError(version === 0 ? `${path} holds no annals data yet: run "annals ingest --db ${path}" first` : `${path} has schema ${version}, older than this annals' ${SCHEMA_VERSION}: run "annals ingest --db ${path}" once to upgrade it`);
  db.exec(SCHEMA_VERSION_TABLE);
  const record = db.prepare("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)");
  for (const m of MIGRATIONS) {
    if (m.version <= version) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // a rebuilt table must still satisfy every reference to it
      if ((db.pragma("foreign_key_check") as unknown[]).length) throw new Error(`migration ${m.version} broke a foreign key in ${path}`);
      record.run(m.version, m.description, now());
    })();
  }
}

/** Opens (creating or upgrading when writable) the store in a SQLite file; synchronous, as better-sqlite3 is. */
export function openSqliteStore(path: string, options: OpenOptions = {}): Store {
  const readonly = options.readonly === true;
  checkFile(path, readonly);
  return guard(path, () => {
    const db = openDatabase(path, readonly);
    try {
      if (!readonly) {
        db.pragma("journal_mode = WAL");
        db.pragma("synchronous = NORMAL"); // with WAL: a crash loses no committed transaction, a power cut at most the last ones
      }
      // foreign keys off while migrating (better-sqlite3 turns them on by default): a migration may rebuild a referenced table
      db.pragma("foreign_keys = OFF");
      migrate(db, path, readonly);
      db.pragma("foreign_keys = ON");
      return new SqliteStore(db, path, options.scanCounts === true);
    } catch (e) {
      db.close();
      throw e;
    }
  });
}

class SqliteStore implements Store {
  private readonly statements;
  private readonly selects = new Map<string, Database.Statement>();
  /** What the current write transaction does to the aggregates, applied before it commits. */
  private readonly deltas = new AggregateDeltas();
  private readonly aggregates: AggregateWriter | null;

  constructor(
    private readonly db: Database.Database,
    readonly location: string,
    private readonly scanCounts = false,
  ) {
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = db.readonly
      ? null
      : {
          find: prepare("SELECT content_hash, dict_version FROM documents WHERE id = ?"),
          insertDoc: prepare("INSERT INTO documents (id, content_hash, dict_version, date, place, source, url, title, text, parse, run, coded_at) VALUES (@id, @hash, @version, @date, @place, @source, @url, @title, @text, @parse, @run, @at)"),
          updateDoc: prepare("UPDATE documents SET content_hash = @hash, dict_version = @version, date = @date, place = @place, source = @source, url = @url, title = @title, text = @text, parse = @parse, run = @run, coded_at = @at WHERE id = @id"),
          deleteEvents: prepare("DELETE FROM events WHERE doc = ?"),
          // what a replaced document's events took from the aggregates
          documentTuples: prepare("SELECT date, source_code, target_code, code, root, quad, goldstein, negated, mood, intended_code FROM events WHERE doc = ?"),
          deleteSentences: prepare("DELETE FROM sentences WHERE doc = ?"),
          insertSentence: prepare("INSERT OR IGNORE INTO sentences (doc, idx, text) VALUES (?, ?, ?)"),
          // the event id hashes document, sentence, verb, code and both actors: a repeat is the same event
          insertEvent: prepare(`INSERT OR IGNORE INTO events (${EVENT_COLUMNS.join(", ")}) VALUES (${EVENT_COLUMNS.map((c) => "@" + c).join(", ")})`),
          addToRun: prepare("UPDATE runs SET documents_added = documents_added + ?, documents_replaced = documents_replaced + ?, documents_unchanged = documents_unchanged + ?, events_written = events_written + ? WHERE id = ?"),
        };
    this.aggregates = db.readonly ? null : new AggregateWriter(db);
  }

  /** Runs `body` as one write transaction whose events are added to (and taken from) the aggregates before it commits. */
  private writeTransaction<T>(body: () => T): T {
    return this.db.transaction(() => {
      this.deltas.clear(); // nothing left over from a transaction that failed
      const result = body();
      this.aggregates!.apply(this.deltas);
      return result;
    })();
  }

  private write() {
    if (!this.statements) throw new StoreError(`${this.location} was opened read-only`);
    return this.statements;
  }

  private select(sql: string): Database.Statement {
    let stmt = this.selects.get(sql);
    if (!stmt) this.selects.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  async hasDocument(id: string, hash: string, dictVersion: string): Promise<boolean> {
    return guard(this.location, () => this.select("SELECT 1 FROM documents WHERE id = ? AND content_hash = ? AND dict_version = ?").get(id, hash, dictVersion) !== undefined);
  }

  async saveDocument(doc: Document, events: Event[], dictVersion: string): Promise<SaveOutcome> {
    return guard(this.location, () => this.writeTransaction(() => this.save(doc, events, dictVersion, null)));
  }

  async saveBatch(items: CodedItem[], dictVersion: string, run?: number): Promise<SaveCounts> {
    return guard(this.location, () =>
      this.writeTransaction(() => {
        const counts: SaveCounts = { added: 0, replaced: 0, unchanged: 0, events: 0 };
        for (const { doc, events } of items) {
          const outcome = this.save(doc, events, dictVersion, run ?? null);
          counts[outcome]++;
          if (outcome !== "unchanged") counts.events += events.length;
        }
        if (run !== undefined) this.write().addToRun.run(counts.added, counts.replaced, counts.unchanged, counts.events, run);
        return counts;
      }),
    );
  }

  /** One document inside the caller's transaction. */
  private save(doc: Document, events: Event[], dictVersion: string, run: number | null): SaveOutcome {
    const st = this.write();
    const hash = contentHash(doc);
    const stored = st.find.get(doc.id) as { content_hash: string; dict_version: string } | undefined;
    if (stored && stored.content_hash === hash && stored.dict_version === dictVersion) return "unchanged";
    const row = { id: doc.id, hash, version: dictVersion, date: doc.date, place: doc.place, source: doc.source ?? null, url: doc.url ?? null, title: doc.title ?? null, text: doc.text, parse: doc.parse ?? null, run, at: now() };
    if (stored) {
      for (const old of st.documentTuples.all(doc.id) as EventRow[]) this.deltas.add(old, -1);
      st.deleteEvents.run(doc.id);
      st.deleteSentences.run(doc.id);
      st.updateDoc.run(row);
    } else st.insertDoc.run(row);
    for (const e of events) {
      if (e.doc !== doc.id) throw new Error(`event ${e.id} belongs to document ${e.doc}, not ${doc.id}`);
      st.insertSentence.run(doc.id, e.sentence, e.text);
      const eventRow = eventToRow(e);
      if (st.insertEvent.run(eventRow).changes > 0) this.deltas.add(eventRow, 1);
    }
    return stored ? "replaced" : "added";
  }

  async beginRun(info: RunInfo): Promise<number> {
    return guard(this.location, () => {
      this.write();
      const r = this.db
        .prepare("INSERT INTO runs (command, status, started_at, dict_version, annals_version, inputs, pid) VALUES (?, 'running', ?, ?, ?, ?, ?)")
        .run(info.command, now(), info.dictVersion, info.annalsVersion, JSON.stringify(info.inputs), process.pid);
      return Number(r.lastInsertRowid);
    });
  }

  async finishRun(run: number, counts: RunCounts, status: "done" | "failed"): Promise<void> {
    guard(this.location, () => {
      this.write();
      // the per-batch additions already hold the saved counts; the run's end sets them all, with the failures
      this.db
        .prepare("UPDATE runs SET status = ?, finished_at = ?, documents_added = ?, documents_replaced = ?, documents_unchanged = ?, documents_failed = ?, events_written = ? WHERE id = ?")
        .run(status, now(), counts.added, counts.replaced, counts.unchanged, counts.failed, counts.events, run);
    });
  }

  async query(filter: EventFilter, page: Page = {}): Promise<Event[]> {
    const { where, params } = filterCondition(filter);
    const limit = page.limit ?? 100;
    const offset = page.offset ?? 0;
    return guard(this.location, () => (this.select(`${EVENT_SELECT} ${where} ORDER BY e.date, e.seq LIMIT ? OFFSET ?`).all(...params, limit, offset) as EventRow[]).map(rowToEvent));
  }

  async stats(filter: EventFilter, options: StatsOptions): Promise<StatsRow[]> {
    const kept = this.scanCounts ? null : aggregateStatsQuery(filter, options);
    if (kept) return guard(this.location, () => this.select(kept.sql).all(...kept.params) as StatsRow[]);
    const { where, params } = filterCondition(options.all ? filter : { ...filter, counted: true });
    const period = PERIOD_SQL[options.by];
    const sql =
      `SELECT ${period} AS period, e.quad AS quad, count(*) AS events,` +
      ` count(DISTINCT e.date || '|' || ifnull(e.source_code, '') || '|' || ifnull(e.target_code, '') || '|' || e.code) AS "distinct",` +
      ` total(e.goldstein) AS goldsteinTotal, avg(e.goldstein) AS goldsteinMean` +
      ` FROM events e ${where ? where + " AND" : "WHERE"} e.date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`;
    return guard(this.location, () => this.select(sql).all(...params) as StatsRow[]);
  }

  async top(filter: EventFilter, options: TopOptions): Promise<TopRow[]> {
    const { sql, params } = (this.scanCounts ? null : aggregateTopQuery(filter, options)) ?? topQuery(filter, options);
    return guard(this.location, () => this.select(sql).all(...params) as TopRow[]);
  }

  async eventsAfter(filter: EventFilter, page: KeysetPage = {}): Promise<StoredEvent[]> {
    const sort = page.sort ?? { by: "date" };
    const limit = page.limit ?? 100;
    const rows = guard(this.location, () =>
      // one read transaction, so the scans see the same store
      this.db.transaction(() => {
        const out: EventRow[] = [];
        for (const { sql, params } of keysetScans(filter, sort, page.after)) {
          if (out.length >= limit) break;
          out.push(...(this.select(`${STORED_SELECT} ${sql} LIMIT ?`).all(...params, limit - out.length) as EventRow[]));
        }
        return out;
      })(),
    );
    return rows.map((r) => storedEvent(r, SORT_COLUMNS[sort.by]));
  }

  async countEvents(filter: EventFilter, upTo: number): Promise<EventCount> {
    const { sql, params } = boundedCount(filter, upTo);
    const n = guard(this.location, () => this.select(sql).pluck().get(...params) as number);
    return n > upTo ? { count: upTo, exact: false } : { count: n, exact: true };
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const row = guard(this.location, () => this.select(`${STORED_SELECT} WHERE e.id = ?`).get(id) as EventRow | undefined);
    return row ? storedEvent(row) : null;
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    return guard(this.location, () => {
      const document = this.select("SELECT id, date, place, title, source, url, text FROM documents WHERE id = ?").get(id) as StoredDocument["document"] | undefined;
      if (!document) return null;
      const sentences = this.select("SELECT idx, text FROM sentences WHERE doc = ? ORDER BY idx").all(id) as StoredDocument["sentences"];
      const events = (this.select(`${STORED_SELECT} WHERE e.doc = ? ORDER BY e.sentence, e.seq`).all(id) as EventRow[]).map((r) => storedEvent(r));
      return { document, sentences, events };
    });
  }

  async locations(filter: EventFilter, options: LocationOptions = {}): Promise<LocationRow[]> {
    const { sql, params } = locationsQuery(filter, options.all === true);
    return guard(this.location, () => this.select(sql).all(...params) as LocationRow[]);
  }

  async recoverRuns(): Promise<number> {
    return guard(this.location, () => {
      this.write();
      const running = this.select("SELECT id, pid FROM runs WHERE status = 'running'").all() as { id: number; pid: number | null }[];
      const gone = running.filter((r) => r.pid === null || !processAlive(r.pid));
      const mark = this.select("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'");
      this.db.transaction(() => gone.forEach((r) => mark.run(now(), r.id)))();
      return gone.length;
    });
  }

  async staleDocuments(dictVersion: string, after: string | null, limit: number): Promise<Document[]> {
    const rows = guard(this.location, () =>
      this.select("SELECT id, text, date, place, title, source, url, parse FROM documents WHERE dict_version <> ? AND id > ? ORDER BY id LIMIT ?").all(dictVersion, after ?? "", limit),
    ) as Document[];
    return rows;
  }

  async countStale(dictVersion: string): Promise<number> {
    return guard(this.location, () => this.select("SELECT count(*) FROM documents WHERE dict_version <> ?").pluck().get(dictVersion) as number);
  }

  exportRows(filter: EventFilter = {}): AsyncIterable<EventRow> {
    const { where, params } = filterCondition(filter);
    const location = this.location;
    const start = () => guard(location, () => this.select(`${EVENT_SELECT} ${where} ORDER BY e.seq`).iterate(...params) as IterableIterator<EventRow>);
    return (async function* () {
      // the query starts with the first read: a caller that never reads leaves no statement busy
      const rows = start();
      // a failure while streaming (a corrupt page deep in the file) is reported like one at the start
      try {
        while (true) {
          const next = guard(location, () => rows.next());
          if (next.done) return;
          yield next.value;
        }
      } finally {
        rows.return?.(); // a reader that stops early frees the statement for the next query
      }
    })();
  }

  async counts(): Promise<StoreCounts> {
    return guard(this.location, () => {
      const count = (table: string) => this.select(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      return { documents: count("documents"), events: count("events"), sentences: count("sentences"), runs: count("runs") };
    });
  }

  async changeMark(): Promise<string> {
    // data_version moves with every commit of another connection, total_changes with this one's own
    return guard(this.location, () => `${this.db.pragma("data_version", { simple: true })}:${this.select("SELECT total_changes()").pluck().get()}`);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
