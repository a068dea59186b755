/**
 * PETRARCH's validation records: each `<Sentence>` with its text, parse and the
 * `<EventCoding>` triples a correct coder produces, under the `<Config>`
 * options in force where it stands.
 */
import { decodeXml, normalizeDate } from "../read/index.js";

export interface Triple {
  source: string;
  target: string;
  code: string;
}

export interface PetrarchRecord {
  id: string;
  category: string;
  date: string | null;
  text: string;
  parse: string | null;
  /** The events the record expects; empty for `noevents` and `error` records. */
  expected: Triple[];
  /** `error="..."` or `noevents="True"`: nothing may be coded. */
  expectsNothing: boolean;
  /** The kind of error the record must be rejected for (`dateline`, `bad_input_parse`, `storydiscard`, `sentencediscard`), or null. */
  error: string | null;
  /** `require_dyad` in force for this record (default true). */
  requireDyad: boolean;
  /** PETRARCH's `new_actor_length` in force for the record: 0, or the longest noun phrase made a new actor. */
  newActorLength: number;
  /** Line of the `<Sentence>` element. */
  line: number;
}

export interface PetrarchSuite {
  /** File names from the `<Environment>` block. */
  verbs: string | null;
  actors: string | null;
  agents: string | null;
  discards: string | null;
  records: PetrarchRecord[];
}

function tag(block: string, name: string): string | null {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block);
  return m ? m[1].trim() : null;
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  // either quote: PETRARCH writes a new actor's code as sourcecode='"THE MINISTRY OF MAGIC"'
  for (const m of s.matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

export function readPetrarchSuite(xml: string): PetrarchSuite {
  const text = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " ")); // keep line numbers
  const env = tag(text, "Environment") ?? "";
  const records: PetrarchRecord[] = [];
  let requireDyad = true;
  let newActorLength = 0;
  const re = /<Config\b([^>]*)>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] !== undefined) {
      const a = attrs(m[1]);
      if (a.option === "require_dyad") requireDyad = /^true$/i.test(a.value ?? "");
      if (a.option === "new_actor_length") newActorLength = Number(a.value) || 0;
      continue;
    }
    const a = attrs(m[2]);
    const body = m[3];
    const expected: Triple[] = [];
    let expectsNothing = false;
    let error: string | null = null;
    for (const c of body.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const e = attrs(c[1]);
      if (e.error) error = e.error;
      if (e.noevents || e.error) expectsNothing = true;
      else if (e.eventcode) expected.push({ source: e.sourcecode ?? "", target: e.targetcode ?? "", code: e.eventcode });
    }
    records.push({
      id: a.id ?? `record-${records.length + 1}`,
      category: a.category ?? "",
      date: a.date ? normalizeDate(a.date) : null,
      text: decodeXml(tag(body, "Text") ?? "").replace(/\s+/g, " ").trim(),
      parse: ((p) => (p === null ? null : decodeXml(p)))(tag(body, "Parse")),
      expected,
      expectsNothing,
      error,
      requireDyad,
      newActorLength,
      line: text.slice(0, m.index).split("\n").length,
    });
  }
  return { verbs: tag(env, "Verbfile"), actors: tag(env, "Actorfile"), agents: tag(env, "Agentfile"), discards: tag(env, "Discardfile"), records };
}
