/**
 * PETRARCH verb dictionaries into annals verb patterns: synonym sets, verb blocks with their default codes and
 * the patterns under them, with PETRARCH's markers (words before "*", joined words, "^", "%", "+ ... $") in
 * annals' syntax.
 */
import { CODE_SYNTAX } from "./ontology.js";
import { lines, note, type Context } from "./petrarch-text.js";
import { spellingKey } from "./text.js";


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
    } else if (!w.includes("/") && w.replace(/_+$/, "").split("_").filter(Boolean).length > 1) {
      // "NEW_&TIETYPES_RELATIONS": joined words must touch, in annals as in PETRARCH (and, with no set among
      // them, match as written: PETRARCH does not stem)
      const joined = w
        .replace(/_+$/, "")
        .split("_")
        .filter(Boolean)
        .map((part) => (part.startsWith("&") ? `&P_${part.slice(1).toUpperCase()}` : part.toLowerCase()))
        .join("_");
      out.push(joined.includes("&") ? joined : `"${joined}"`);
    }
    else
      for (const part of w.replace(/_+$/, "").split("_").filter(Boolean)) {
        if (part.startsWith("&")) out.push(`&P_${part.slice(1).toUpperCase()}`);
        else if (part.includes("/")) {
          // "BY/WITH": an alternation, written as a synonym set of its own
          const members = part.toLowerCase().split("/").filter(Boolean);
          const name = `ALT_${members.join("_").toUpperCase().replace(/[^A-Z0-9_]/g, "")}`;
          ctx.alternations.set(name, members);
          out.push(`&P_${name}`);
        } else out.push(`"${part.toLowerCase()}"`); // PETRARCH does not stem: the word as written
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

export function importVerbs(text: string, ctx: Context): { lines: string[]; count: number } {
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
      // "NOTED + *": the verb's subject is the target, the governing clause's subject the source
      const subjectTarget = !inverse && words.slice(0, star).includes("+");
      const before = wordsBeforeVerb(words.slice(0, star).filter((w) => w !== "%" && w !== "+"), ctx, l.n, t);
      if (!before) continue;
      const after = patternWords(words.slice(star + 1).map((w) => (inverse && w === "$" ? "+" : w)), ctx, l.n, t);
      if (!after) continue;
      const flags = [...(plural ? ["plural"] : []), ...(inverse ? ["inverse"] : [])];
      for (const v of verbs) {
        const lead = [...before, ...(subjectTarget ? ["+"] : []), ...v.lead];
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
