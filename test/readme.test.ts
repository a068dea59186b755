/**
 * The README's samples are checked, so they cannot drift from what annals
 * prints. A checked sample is a fenced block (no language, or `console`) whose
 * first line is `$ annals ...` (or `$ npx annals ...`): each `$` line is run, in
 * order, in a fresh folder holding a copy of examples/, and the lines below it
 * up to the next `$` line are its standard output, exactly (trailing spaces
 * aside). A line `...` stands for any number of lines. Every command must exit 0.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "annals.js");

interface Step {
  line: number;
  command: string;
  expected: string[];
}

/** The checked samples of a Markdown text, each a list of commands with their output. */
function checkedSamples(markdown: string): Step[][] {
  const samples: Step[][] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith("```")) end++;
    const body = lines.slice(i + 1, end);
    if (["", "console"].includes(fence[1]) && /^\$ (npx )?annals /.test(body[0] ?? "")) {
      const steps: Step[] = [];
      body.forEach((l, k) => {
        if (l.startsWith("$ ")) steps.push({ line: i + 2 + k, command: l.slice(2), expected: [] });
        else steps[steps.length - 1].expected.push(l);
      });
      samples.push(steps);
    }
    i = end;
  }
  return samples;
}

/** A command's words: plain words and '...' or "..." quoted ones; anything a shell would do more with is refused. */
function words(command: string): string[] {
  if (/[|<>;&$`\\]/.test(command)) throw new Error(`not a plain command (no pipes, redirections or variables in a checked sample): ${command}`);
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Whether the output lines match the expected ones, `...` standing for any number of lines. */
function matches(actual: string[], expected: string[]): boolean {
  if (expected.length === 0) return actual.length === 0;
  const [first, ...rest] = expected;
  if (first === "...") {
    for (let k = 0; k <= actual.length; k++) if (matches(actual.slice(k), rest)) return true;
    return false;
  }
  return actual.length > 0 && actual[0] === first && matches(actual.slice(1), rest);
}

const trimmed = (lines: string[]) => {
  const out = lines.map((l) => l.trimEnd());
  while (out.length && out[out.length - 1] === "") out.pop();
  return out;
};

test("the sample matcher: exact lines, ... for any number of lines", () => {
  assert.ok(matches(["a", "b", "c"], ["a", "..."]));
  assert.ok(matches(["a", "b", "c"], ["a", "...", "c"]));
  assert.ok(matches(["a", "c"], ["a", "...", "c"]));
  assert.ok(!matches(["a", "b"], ["a"]));
  assert.ok(!matches(["a", "b"], ["a", "c", "..."]));
  assert.deepEqual(words(`annals code --text "two words" 'x y' z`), ["annals", "code", "--text", "two words", "x y", "z"]);
  assert.throws(() => words("annals export > out.csv"), /not a plain command/);
  const md = "text\n```\n$ annals a\none\n...\n$ npx annals b\n```\n```sh\n$ annals c\n```\n";
  assert.deepEqual(checkedSamples(md), [
    [
      { line: 3, command: "annals a", expected: ["one", "..."] },
      { line: 6, command: "npx annals b", expected: [] },
    ],
  ]);
});

test("every checked sample of the README prints what the README shows", () => {
  const samples = checkedSamples(readFileSync(join(ROOT, "README.md"), "utf8"));
  assert.ok(samples.length >= 2, `the README has ${samples.length} checked samples; it should have at least 2`);
  for (const steps of samples) {
    const cwd = mkdtempSync(join(tmpdir(), "annals-readme-"));
    cpSync(join(ROOT, "examples"), join(cwd, "examples"), { recursive: true });
    for (const step of steps) {
      const args = words(step.command);
      if (args[0] === "npx") args.shift();
      assert.equal(args.shift(), "annals", `README.md:${step.line}`);
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      assert.equal(r.status, 0, `README.md:${step.line}: ${step.command}: exit ${r.status}\n${r.stderr}`);
      const actual = trimmed(r.stdout.split("\n"));
      const expected = trimmed(step.expected);
      assert.ok(matches(actual, expected), `README.md:${step.line}: ${step.command}: the README shows\n${expected.join("\n")}\n\nannals prints\n${actual.join("\n")}`);
    }
  }
});
