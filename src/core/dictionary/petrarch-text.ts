/** What the PETRARCH importers share: comment-free lines, and the list of what could not be converted. */

/** A construct of a PETRARCH dictionary with no annals equivalent, and why. */
export interface Unmapped {
  /** `file:line` in the PETRARCH input. */
  where: string;
  construct: string;
  reason: string;
}

export interface Line {
  n: number;
  text: string;
  indented: boolean;
}

/** Lines without comments: `#` to the end of a line and `<!-- ... -->` blocks (which PETRARCH-1 did read past). */
export function lines(text: string): Line[] {
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

export interface Context {
  file: string;
  /** Synonym sets made from "A/B" alternations inside patterns. */
  alternations: Map<string, string[]>;
  unmapped: Unmapped[];
  prefixes: Set<string>;
  roles: Set<string>;
  codes: Set<string>;
}

export function note(ctx: Context, n: number, construct: string, reason: string): void {
  ctx.unmapped.push({ where: `${ctx.file}:${n}`, construct, reason });
}
