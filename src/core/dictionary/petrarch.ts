/**
 * Converts PETRARCH/TABARI dictionaries (actors, agents, verbs with synsets and
 * patterns, discards, Phoenix issues) into annals' own format, so years of
 * work in Phoenix dictionaries carry over. Pure: text in, files out, and every
 * construct that has no annals equivalent listed with its file and line.
 */
import { CODE_SYNTAX } from "./ontology.js";
import { entries, isIsoDate, spellingKey, type DataFile } from "./text.js";

export type PetrarchKind = "actors" | "agents" | "verbs" | "discards" | "issues";

export interface Unmapped {
  /** `file:line` in the PETRARCH input. */
  where: string;
  construct: string;
  reason: string;
}

export interface ImportResult {
  /** annals dictionary files, paths relative to the output directory. */
  files: DataFile[];
  /** Entries converted, by kind. */
  converted: Record<PetrarchKind, number>;
  unmapped: Unmapped[];
}

interface Line {
  n: number;
  text: string;
  indented: boolean;
}

/** Lines without comments: `#` to the end of a line and `<!-- ... -->` blocks (which PETRARCH-1 did read past). */
function lines(text: string): Line[] {
  const out: Line[] = [];
  let inComment = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    let s = raw;
    if (inComment) {
      const close = s.indexOf("-->");
      if (close < 0) return;
      s = s.slice(close + 3);
      inComment = false;
    }
    s = s.replace(/<!\s*--.*?-->/g, "");
    if (/^\s*<!/.test(s) && !/<!\s*--/.test(s)) return; // PETRARCH2 skips any line opening with "<!"
    const open = s.search(/<!\s*--/);
    if (open >= 0) {
      s = s.slice(0, open);
      inComment = true;
    }
    const hash = s.indexOf("#");
    if (hash >= 0) s = s.slice(0, hash);
    if (s.trim() === "") return;
    out.push({ n: i + 1, text: s.trim(), indented: /^\s/.test(s) });
  });
  return out;
}

export function detectKind(name: string, text: string): PetrarchKind {
  if (/<ISSUE\b/i.test(text)) return "issues";
  if (/^---\s+\S.*\[[^\]]*\]\s*---/m.test(text)) return "verbs";
  if (/\[~[A-Z]|[A-Z]~\]|^!\w+!\s*=/m.test(text)) return "agents";
  if (/discard/i.test(name)) return "discards";
  return "actors";
}

/** Words that names write in lower case: "Prince of Dol Amroth", "the Shire". */
const NAME_FUNCTION_WORDS = new Set(["of", "the", "and", "for", "on", "in", "at", "de", "du", "des", "la", "le", "al", "el", "von", "van", "der", "da", "y"]);

/** "MR._OBAMA_" -> "Mr. Obama": words as text writes them, so that case checks treat them as names. */
function phrase(p: string): string {
  return p
    .replace(/_+$/, "")
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => (NAME_FUNCTION_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : /^[A-Z0-9.'-]+$/.test(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w))
    .join(" ");
}

/** The ISO date after `iso`. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** YYMMDD or YYYYMMDD to ISO; two-digit years up to 30 are 20YY. */
function isoDate(d: string): string | null {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(d.trim());
  if (!m) return null;
  const year = m[1].length === 4 ? m[1] : Number(m[1]) <= 30 ? `20${m[1]}` : `19${m[1]}`;
  return `${year}-${m[2]}-${m[3]}`;
}

interface Context {
  file: string;
  /** Synonym sets made from "A/B" alternations inside patterns. */
  alternations: Map<string, string[]>;
  unmapped: Unmapped[];
  prefixes: Set<string>;
  roles: Set<string>;
  codes: Set<string>;
}

function note(ctx: Context, n: number, construct: string, reason: string): void {
  ctx.unmapped.push({ where: `${ctx.file}:${n}`, construct, reason });
}

function actorRole(body: string, ctx: Context, n: number): string | null {
  // CODE | CODE a - b | CODE <b | CODE >a | a-b with no code (PETRARCH's own error)
  const m = /^([A-Za-z0-9/-]+)?\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?$/.exec(body.trim());
  if (!m || !m[1] || !/^[A-Za-z0-9-]{3}/.test(m[1])) {
    note(ctx, n, `[${body}]`, "not a code with an optional date restriction");
    return null;
  }
  const code = m[1].toUpperCase();
  for (const one of code.split("/")) ctx.prefixes.add(one.slice(0, 3));
  const dates = [m[3], m[4], m[5]].filter(Boolean).map(isoDate);
  if (dates.some((d) => d === null || !isIsoDate(d))) {
    note(ctx, n, `[${body}]`, "a date that is not a real YYMMDD or YYYYMMDD date");
    return null;
  }
  if (m[2] === "<") return `${code} ..${dates[0]}`;
  if (m[2] === ">") return `${code} ${dates[0]}..`;
  if (m[4]) return `${code} ${dates[0]}..${dates[1]}`;
  return code;
}

function importActors(text: string, ctx: Context): { lines: string[]; count: number } {
  const out: string[] = [];
  let names: string[] = [];
  let roles: string[] = [];
  let start = 0;
  const flush = () => {
    if (names.length === 0) return;
    // a code on the name line is the default; dated lines win over it for their dates
    if (roles.length === 0) note(ctx, start, names[0], "actor without any code");
    else {
      const undated = roles.filter((r) => !r.includes(".."));
      // PETRARCH's "a-b" includes its last day; annals' ranges end before theirs. Move the end a day on,
      // unless the next spell of the same actor starts there ("HOBMIL 080120-121109", "HOBGOV 121109-...")
      const starts = new Set(roles.map((r) => /\s(\d{4}-\d{2}-\d{2})\.\./.exec(r)?.[1]).filter(Boolean));
      const dated = roles
        .filter((r) => r.includes(".."))
        .map((r) => r.replace(/^(\S+ \d{4}-\d{2}-\d{2}\.\.)(\d{4}-\d{2}-\d{2})$/, (all, head: string, end: string) => (starts.has(end) ? all : head + nextDay(end))));
      const ordered = [...dated, ...(undated.length ? [undated[undated.length - 1]] : [])];
      if (undated.length > 1) note(ctx, start, names[0], `several undated codes (${undated.join(", ")}): the last is kept as the default`);
      out.push(`${[...new Set(names)].join("; ")} | ${ordered.join("; ")}  # ${ctx.file}:${start}`);
    }
    names = [];
    roles = [];
  };
  for (const l of lines(text)) {
    if (l.text.startsWith("[")) {
      const body = /^\[([^\]]*)\]/.exec(l.text);
      if (!body) note(ctx, l.n, l.text, "unclosed code bracket");
      else {
        const r = actorRole(body[1], ctx, l.n);
        if (r) roles.push(r);
      }
    } else if (l.text.startsWith("+")) {
      if (names.length) names.push(phrase(l.text.slice(1)));
    } else {
      flush();
      start = l.n;
      const m = /^([^[]+?)\s*(?:\[([^\]]*)\])?\s*$/.exec(l.text);
      if (!m) {
        note(ctx, l.n, l.text, "neither an actor, a synonym nor a code line");
        continue;
      }
      names = [phrase(m[1])];
      if (m[2] !== undefined) {
        const r = actorRole(m[2], ctx, l.n);
        if (r) roles.push(r);
      }
    }
  }
  flush(); // the last entry of a file counts too
  return { lines: out, count: out.length };
}

function importAgents(text: string, ctx: Context): { lines: string[]; count: number } {
  const out: string[] = [];
  const subs = new Map<string, string[]>();
  for (const l of lines(text)) {
    const sub = /^!(\w+)!\s*=\s*(.+)$/.exec(l.text);
    if (sub) {
      subs.set(sub[1].toUpperCase(), sub[2].split(",").map((s) => s.trim()));
      continue;
    }
    const m = /^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]*)\]\s*$/.exec(l.text);
    if (!m) {
      note(ctx, l.n, l.text, "not PHRASE {PLURAL} [~CODE]");
      continue;
    }
    const [, body, plurals] = m;
    const code = m[3].replace(/\s+/g, "");
    if (!code.startsWith("~")) {
      note(ctx, l.n, l.text, `"[${code}]" puts the agent code in front of the actor's; annals appends role codes only`);
      continue;
    }
    const sectors = code.slice(1).toUpperCase().match(/.{1,3}/g) ?? [];
    for (const s of sectors) ctx.roles.add(s);
    // "CONGRESS!PERSON!" -> CONGRESSMAN, CONGRESSMEN, ...
    let forms = [body];
    for (const [name, values] of subs) {
      const token = `!${name}!`;
      forms = forms.flatMap((f) => (f.toUpperCase().includes(token) ? values.map((v) => f.replace(new RegExp(token, "i"), v)) : [f]));
    }
    const extra = (plurals ?? "").replace(/[{}]/g, "").split(/\s+/).filter(Boolean);
    const all = [...forms, ...extra].map((f) => phrase(f).toLowerCase());
    out.push(`${[...new Set(all)].join("; ")} | ${sectors.join(" ")}  # ${ctx.file}:${l.n}`);
  }
  return { lines: out, count: out.length };
}

/** One PETRARCH pattern word to annals pattern words; null when it has no equivalent. */
function patternWords(words: string[], ctx: Context, n: number, raw: string): string[] | null {
  const out: string[] = [];
  for (const w0 of words) {
    const w = w0.replace(/[(){}]/g, "");
    if (w === "") continue;
    if (w === "+") out.push("+");
    else if (w === "^") out.push("^");
    else if (w === "%") out.push("%");
    else if (w === "$") {
      note(ctx, n, raw, `"${w}" (a PETRARCH-1 source, compound or skip marker after the verb) has no annals equivalent`);
      return null;
    } else if (!w.includes("/") && w.replace(/_+$/, "").split("_").filter(Boolean).length > 1)
      // "NEW_&TIETYPES_RELATIONS": joined words must touch, in annals as in PETRARCH
      out.push(
        w
          .replace(/_+$/, "")
          .split("_")
          .filter(Boolean)
          .map((part) => (part.startsWith("&") ? `&P_${part.slice(1).toUpperCase()}` : part.toLowerCase()))
          .join("_"),
      );
    else
      for (const part of w.replace(/_+$/, "").split("_").filter(Boolean)) {
        if (part.startsWith("&")) out.push(`&P_${part.slice(1).toUpperCase()}`);
        else if (part.includes("/")) {
          // "BY/WITH": an alternation, written as a synonym set of its own
          const members = part.toLowerCase().split("/").filter(Boolean);
          const name = `ALT_${members.join("_").toUpperCase().replace(/[^A-Z0-9_]/g, "")}`;
          ctx.alternations.set(name, members);
          out.push(`&P_${name}`);
        } else out.push(part.toLowerCase());
      }
  }
  if (out.filter((x) => x === "+" || x === "%").length > 1) {
    note(ctx, n, raw, "two targets in one pattern");
    return null;
  }
  return out;
}

/**
 * Words before PETRARCH's `*`: annals writes them before the verb marked `[verb]`. Joined words
 * (`MOST_CERTAINLY_&NEG`) stay joined, because PETRARCH lets nothing come between them.
 */
function wordsBeforeVerb(words: string[], ctx: Context, n: number, raw: string): string[] | null {
  const out: string[] = [];
  for (const w0 of words) {
    const w = w0.replace(/[(){}]/g, "").replace(/_+$/, "");
    if (w === "") continue;
    if (/[$%^+]/.test(w)) {
      note(ctx, n, raw, `"${w}" before the verb (with a source, compound, skip or target marker) has no annals equivalent`);
      return null;
    }
    if (w.includes("/")) {
      note(ctx, n, raw, `an alternation ("${w}") before the verb has no annals equivalent`);
      return null;
    }
    out.push(
      w
        .split("_")
        .filter(Boolean)
        .map((part) => (part.startsWith("&") ? `&P_${part.slice(1).toUpperCase()}` : part.toLowerCase()))
        .join("_"),
    );
  }
  return out;
}

/** `CODE | PATTERN | FLAGS  # source`, where a code read as "032|reverse=033" carries its flag. */
function verbLine(code: string, pattern: string, source: string, extraFlags: string[] = []): string {
  const [c, flag] = code.split("|");
  const flags = [...(flag ? [flag] : []), ...extraFlags];
  return `${c} | ${pattern}${flags.length > 0 ? ` | ${flags.join(" ")}` : ""}  # ${source}`;
}

function importVerbs(text: string, ctx: Context): { lines: string[]; count: number } {
  const out: string[] = [];
  const all = lines(text);
  let synset: string | null = null;
  const synsets = new Map<string, string[]>();
  let blockCode: string | null = null;
  let verbs: { lemma: string; particle: string[]; lead: string[] }[] = [];
  let inPatterns = false;
  let inBlock = false;
  // "[032:033]": the active code, and the code of the target acting back on the source
  const codeOf = (c: string, n: number, raw: string): string | null => {
    const [active, passive] = c.split(":");
    if (active === "---") return null;
    if (passive && passive !== "---" && CODE_SYNTAX.test(passive)) {
      ctx.codes.add(passive);
      if (!CODE_SYNTAX.test(active)) return null;
      ctx.codes.add(active);
      return `${active}|reverse=${passive}`;
    }
    if (!CODE_SYNTAX.test(active)) {
      note(ctx, n, raw, `"${active}" is not an event code`);
      return null;
    }
    ctx.codes.add(active);
    return active;
  };
  for (const l of all) {
    const t = l.text;
    if (t.startsWith("~")) {
      note(ctx, l.n, t, "transformations have no annals equivalent");
      continue;
    }
    const block = /^---\s+(.+?)\s+\[([^\]]*)\]\s*---/.exec(t);
    if (block) {
      synset = null;
      blockCode = codeOf(block[2].trim(), l.n, t);
      verbs = [];
      inPatterns = false;
      inBlock = true;
      continue;
    }
    if (/^&\w+\s*$/.test(t)) {
      synset = t.slice(1).trim().replace(/_+$/, "").toUpperCase();
      synsets.set(synset, []);
      continue;
    }
    if (synset && t.startsWith("+")) {
      synsets.get(synset)!.push(t.slice(1).trim().replace(/_+$/, "").split("_").join(" ").toLowerCase());
      continue;
    }
    synset = null;
    if (t.startsWith("-")) {
      inPatterns = true;
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(t);
      if (!m) {
        note(ctx, l.n, t, "pattern without a [code]");
        continue;
      }
      const code = codeOf(m[2].trim(), l.n, t);
      if (!code) continue;
      // "FAILED_TO_*": the verb marker joined to the word before it, which must then touch the verb
      const adjacent = /_\*/.test(m[1]);
      const spaced = m[1].replace(/_\*/g, " *").replace(/\*_/g, "* ");
      const star = spaced.split(/\s+/).indexOf("*");
      const words = spaced.split(/\s+/).filter(Boolean);
      if (star < 0) {
        note(ctx, l.n, t, "pattern without the verb marker *");
        continue;
      }
      // "%" before the verb: the pattern is for a compound subject
      const plural = words.slice(0, star).includes("%");
      // "+ * MONEY $": the subject is the target and the actor after the verb the source ("received money from X")
      const inverse = words.slice(0, star).includes("+") && words.slice(star + 1).includes("$");
      const before = wordsBeforeVerb(words.slice(0, star).filter((w) => w !== "%" && !(inverse && w === "+")), ctx, l.n, t);
      if (!before) continue;
      const after = patternWords(words.slice(star + 1).map((w) => (inverse && w === "$" ? "+" : w)), ctx, l.n, t);
      if (!after) continue;
      const flags = [...(plural ? ["plural"] : []), ...(inverse ? ["inverse"] : [])];
      for (const v of verbs) {
        const lead = [...before, ...v.lead];
        const verb = lead.length > 0 ? [`[${v.lemma}]`, ...v.particle] : [v.lemma, ...v.particle];
        const words = [...lead, ...verb, ...after].join(" ");
        out.push(verbLine(code, adjacent && lead.length > 0 ? words.replace(" [", "_[") : words, `${ctx.file}:${l.n}`, flags));
      }
      continue;
    }
    if (inBlock && !inPatterns) {
      // a verb line: VERB {IRREGULAR FORMS}, +CORDON_OFF, WIRE_+TAP
      // a verb with a code of its own ("DOWNPLAY [014]") still takes the block's patterns
      const m = /^\+?([A-Za-z_+'-]+?)_?\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?$/.exec(t);
      if (!m) {
        note(ctx, l.n, t, "not a verb line");
        continue;
      }
      const parts = m[1].replace(/^\+/, "").split("_").filter(Boolean);
      // "KLM_NOP_+RST": the verb is the word marked +, the words joined before it must come right before it
      const head = Math.max(0, parts.findIndex((p) => p.startsWith("+")));
      const lead = parts.slice(0, head).map((p) => p.toLowerCase());
      const verb = { lemma: parts[head].replace(/^\+/, "").toLowerCase(), particle: parts.slice(head + 1).map((p) => p.toLowerCase()), lead: lead.length > 0 ? [lead.join("_")] : [] };
      verbs.push(verb);
      const own = m[3] !== undefined ? codeOf(m[3].trim(), l.n, t) : blockCode;
      if (own) out.push(verbLine(own, [...verb.lead, verb.lead.length > 0 ? `[${verb.lemma}]` : verb.lemma, ...verb.particle].join(" "), `${ctx.file}:${l.n}`));
    }
  }
  const defined = [...synsets].filter(([, members]) => members.length > 0);
  for (const [name] of synsets) if (!defined.some(([n]) => n === name)) note(ctx, 0, `&${name}`, "empty synonym set");
  const alternations = [...ctx.alternations].filter(([name]) => !synsets.has(name));
  const head = [...defined, ...alternations].map(([name, members]) => `&P_${name} = ${members.join("; ")}`);
  // one line per pattern: PETRARCH often repeats a pattern under several spellings of one verb
  const patternKey = (x: string) => (/\|.*\bplural\b/.test(x.split("  #")[0]) ? "% " : "") + (/\|.*\binverse\b/.test(x.split("  #")[0]) ? "$ " : "") + x.split("  #")[0].split("|")[1].trim().split(/\s+/).map((w) => (w.startsWith("[") ? `[${spellingKey(w.slice(1, -1))}]` : spellingKey(w))).join(" ");
  const known = new Set([...defined.map(([n]) => `&P_${n}`), ...alternations.map(([n]) => `&P_${n}`)]);
  const kept = new Map<string, string>();
  for (const x of out) {
    const key = patternKey(x);
    const where = /# (.*):(\d+)$/.exec(x);
    // every set named in a word, joined ones too ("&P_TIETYPES_memos"), must be defined in this file
    const names = (w: string) => [...w.matchAll(/&P_[A-Z0-9_]+/gi)].map((m) => m[0].toUpperCase());
    const defines = (name: string) => [...known].some((k) => name === k || name.startsWith(k + "_"));
    const missing = key.split(" ").flatMap(names).find((n) => !defines(n));
    if (missing) note(ctx, where ? Number(where[2]) : 0, x.split("  #")[0], `${missing} is not a synonym set of this file`);
    else if (kept.has(key)) note(ctx, where ? Number(where[2]) : 0, x.split("  #")[0], `the same pattern again with another code; the first (${kept.get(key)!.split(" |")[0]}) is kept`);
    else kept.set(key, x);
  }
  const uniq = [...kept.values()];
  ctx.alternations.clear();
  return { lines: [...head, "", ...uniq], count: uniq.length };
}

function importDiscards(text: string, ctx: Context): { lines: string[]; count: number } {
  const out = lines(text).map((l) => `${l.text.startsWith("+") ? "+" : ""}${l.text.replace(/^\+/, "").trim().replace(/_/g, " ").toLowerCase()}  # ${ctx.file}:${l.n}`);
  return { lines: out, count: out.length };
}

function importIssues(text: string, ctx: Context): { lines: string[]; count: number } {
  const byIssue = new Map<string, string[]>();
  let restricted = 0;
  for (const l of lines(text)) {
    if (/^<\/?ISSUE/i.test(l.text)) continue;
    if (l.text.startsWith("~")) {
      note(ctx, l.n, l.text, "exclusion phrases have no annals equivalent");
      continue;
    }
    const m = /^(.+?)\s*\[([A-Z0-9_]+)\]\s*$/.exec(l.text);
    if (!m) {
      note(ctx, l.n, l.text, "not PHRASE [ISSUE]");
      continue;
    }
    if (/\b[nv]:/.test(m[1])) restricted++;
    const keyword = m[1].replace(/\b[nv]:/g, "").replace(/\+/g, "-").replace(/;/g, " ").trim();
    byIssue.set(m[2], [...(byIssue.get(m[2]) ?? []), keyword]);
  }
  if (restricted > 0) note(ctx, 0, `${restricted} keywords with n: or v:`, "part-of-speech restrictions are dropped; the keyword matches as any word");
  const out = [...byIssue].map(([issue, kws]) => `${issue} | ${[...new Set(kws)].join("; ")}`);
  return { lines: out, count: [...byIssue.values()].reduce((a, b) => a + b.length, 0) };
}

/**
 * Imports PETRARCH dictionaries. `ontology` is annals' own ontology files: they
 * are written to the output so it is a complete dictionary directory, extended
 * with any codes, roles and actor prefixes the imported files use.
 */
export function importPetrarch(inputs: { name: string; text: string }[], ontology: DataFile[]): ImportResult {
  const unmapped: Unmapped[] = [];
  const converted: Record<PetrarchKind, number> = { actors: 0, agents: 0, verbs: 0, discards: 0, issues: 0 };
  const files: DataFile[] = [];
  const ctxBase = { unmapped, prefixes: new Set<string>(), roles: new Set<string>(), codes: new Set<string>(), alternations: new Map<string, string[]>() };
  const merged: Record<PetrarchKind, string[]> = { actors: [], agents: [], verbs: [], discards: [], issues: [] };
  for (const input of inputs) {
    const ctx: Context = { ...ctxBase, file: input.name };
    const kind = detectKind(input.name, input.text);
    const base = input.name.replace(/^.*\//, "").replace(/\.txt$/i, "").replace(/[^A-Za-z0-9.-]+/g, "-");
    const r = { actors: importActors, agents: importAgents, verbs: importVerbs, discards: importDiscards, issues: importIssues }[kind](input.text, ctx);
    converted[kind] += r.count;
    const header = `# Imported from the PETRARCH dictionary ${input.name} by "annals dict import-petrarch".`;
    if (kind === "actors") files.push({ path: `actors/${base}.txt`, text: [header, ...r.lines, ""].join("\n") });
    else if (kind === "verbs") files.push({ path: `verbs/${base}.txt`, text: [header, ...r.lines, ""].join("\n") });
    else merged[kind].push(header, ...r.lines);
  }
  if (merged.agents.length) files.push({ path: "agents.txt", text: merged.agents.join("\n") + "\n" });
  if (merged.discards.length) files.push({ path: "discards.txt", text: merged.discards.join("\n") + "\n" });
  if (merged.issues.length) files.push({ path: "issues.txt", text: merged.issues.join("\n") + "\n" });

  // Our ontology, extended with what the imported files use and it does not have.
  const known = (path: string) => ontology.find((f) => f.path === path);
  const firstFields = (path: string) => new Set(entries(known(path) ?? { path, text: "" }).map((e) => e.fields[0]));
  const countries = firstFields("ontology/countries.txt");
  const roles = firstFields("ontology/roles.txt");
  const codes = firstFields("ontology/cameo.txt");
  const international = new Set(["IGO", "NGO", "IMG", "MNC", "UIS", "---"]);
  const extraPrefixes = [...ctxBase.prefixes].filter((p) => !countries.has(p) && !international.has(p)).sort();
  const extraRoles = [...ctxBase.roles].filter((r) => !roles.has(r) && /^[A-Z]{3}$/.test(r)).sort();
  const extraCodes = [...ctxBase.codes].filter((c) => !codes.has(c)).sort();
  for (const f of ontology) {
    let text = f.text;
    if (f.path === "ontology/roles.txt" && extraRoles.length) text += `\n# Roles used by the imported PETRARCH dictionaries\n${extraRoles.map((r) => `${r} | ${r} | from an imported dictionary`).join("\n")}\n`;
    const extraRoots = [...new Set(extraCodes.map((c) => c.slice(0, 2)))].filter((r) => !entries(known("ontology/quad-classes.txt") ?? { path: "", text: "" }).some((e) => e.fields[0] === r));
    if (f.path === "ontology/quad-classes.txt" && extraRoots.length) text += `\n# Roots of imported codes that are not CAMEO roots: quad class 0, unknown\n${extraRoots.map((r) => `${r} | 0 | not a CAMEO root`).join("\n")}\n`;
    if (f.path === "ontology/cameo.txt" && extraCodes.length) text += `\n# Codes used by the imported PETRARCH dictionaries that are not CAMEO 1.1b3 codes: no Goldstein score, no PLOVER class\n${extraCodes.map((c) => `${c} | 0.0 | NONE | imported code, not in CAMEO 1.1b3`).join("\n")}\n`;
    files.push({ path: f.path, text });
  }
  if (extraPrefixes.length) files.push({ path: "ontology/extra-prefixes.txt", text: `# Actor-code prefixes of the imported PETRARCH dictionaries that are not ISO 3166 countries\n${extraPrefixes.join("\n")}\n` });
  return { files, converted, unmapped };
}
