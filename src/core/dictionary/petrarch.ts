/**
 * Converts PETRARCH/TABARI dictionaries (actors, agents, verbs with synsets and
 * patterns, discards, Phoenix issues) into annals' own format, so years of
 * work in Phoenix dictionaries carry over. Pure: text in, files out, and every
 * construct that has no annals equivalent listed with its file and line.
 */
import { lines, note, type Context, type Unmapped } from "./petrarch-text.js";
import { importVerbs } from "./petrarch-verbs.js";
import { entries, isIsoDate, type DataFile } from "./text.js";

export type { Unmapped };

export type PetrarchKind = "actors" | "agents" | "verbs" | "discards" | "issues";

export interface ImportResult {
  /** annals dictionary files, paths relative to the output directory. */
  files: DataFile[];
  /** Entries converted, by kind. */
  converted: Record<PetrarchKind, number>;
  unmapped: Unmapped[];
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
    // "[NGO~]": the code goes in front of the actor's ("MSF Arnor" is NGOARN)
    const prefix = /^([A-Za-z]{3})~$/.exec(code)?.[1]?.toUpperCase() ?? null;
    if (!code.startsWith("~") && !prefix) {
      note(ctx, l.n, l.text, `"[${code}]" is neither a role to append (~GOV) nor a three-letter prefix (NGO~)`);
      continue;
    }
    const sectors = prefix ? [] : (code.slice(1).toUpperCase().match(/.{1,3}/g) ?? []);
    for (const s of sectors) ctx.roles.add(s);
    if (prefix) ctx.prefixes.add(prefix);
    // "CONGRESS!PERSON!" -> CONGRESSMAN, CONGRESSMEN, ...
    let forms = [body];
    for (const [name, values] of subs) {
      const token = `!${name}!`;
      forms = forms.flatMap((f) => (f.toUpperCase().includes(token) ? values.map((v) => f.replace(new RegExp(token, "i"), v)) : [f]));
    }
    const extra = (plurals ?? "").replace(/[{}]/g, "").split(/\s+/).filter(Boolean);
    const all = [...forms, ...extra].map((f) => phrase(f).toLowerCase());
    out.push(`${[...new Set(all)].join("; ")} | ${prefix ? `${prefix}~` : sectors.join(" ")}  # ${ctx.file}:${l.n}`);
  }
  return { lines: out, count: out.length };
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
