/** The store tests' known data, shared by their files: every query, count and export of it has one right answer. */
import { join } from "node:path";
import { openStore } from "../../src/store/index.js";
import { knownDocument } from "./store.js";

export const A = knownDocument("a1", "2020-01-10", [
  { sentence: 0, text: "The United States accused Iran of plotting attacks.", date: "2020-01-10", source: ["USAGOV", "USA", ["GOV"], "United States"], target: ["IRNGOV", "IRN", ["GOV"], "Iran"], code: "112", quad: 3, goldstein: -2, plover: "ACCUSE" },
  { sentence: 1, text: "Iranian forces fired missiles at a base in Iraq.", date: "2020-01-08", source: ["IRNMIL", "IRN", ["MIL"], "Iranian forces"], target: ["USAMIL", "USA", ["MIL"], "base"], code: "190", quad: 4, goldstein: -10, plover: "ASSAULT", issues: ["MISSILE", "WAR_TERROR"] },
  { sentence: 2, text: "Iran will not negotiate with Washington.", date: "2020-01-10", source: ["IRNGOV", "IRN", ["GOV"], "Iran"], target: ["USAGOV", "USA", ["GOV"], "Washington"], code: "036", quad: 1, goldstein: 4, plover: "AGREE", mood: "intended", negated: true },
]);
export const B = knownDocument("b1", "2020-02-03", [
  { sentence: 0, text: "China and Russia held talks in Moscow.", date: "2020-02-03", source: ["CHNGOV", "CHN", ["GOV"], "China"], target: ["RUSGOV", "RUS", ["GOV"], "Russia"], code: "040", quad: 1, goldstein: 1, plover: "CONSULT" },
  { sentence: 0, text: "China and Russia held talks in Moscow.", date: "2020-02-03", source: ["RUSGOV", "RUS", ["GOV"], "Russia"], target: ["CHNGOV", "CHN", ["GOV"], "China"], code: "040", quad: 1, goldstein: 1, plover: "CONSULT" },
  { sentence: 1, text: "China signed a trade agreement with Iran.", date: "2020-02-04", source: ["CHN", "CHN", [], "China"], target: ["IRN", "IRN", [], "Iran"], code: "057", quad: 1, goldstein: 8, plover: "COOPERATE" },
  { sentence: 2, text: "Police arrested protesters.", date: "2020-02-05", source: ["COP", null, ["COP"], "Police"], target: null, code: "173", quad: 4, goldstein: -5, plover: "COERCE" },
  { sentence: 3, text: "Chinese and Russian officials had agreed on it long ago.", date: null, source: ["CHNGOV", "CHN", ["GOV"], "Chinese officials"], target: ["RUSGOV", "RUS", ["GOV"], "Russian officials"], code: "030", quad: 1, goldstein: 4, plover: "AGREE", mood: "reported-past" },
]);
// a second report of b1's first event: two mentions, one distinct (date, source, target, code)
export const C = knownDocument("c1", "2020-02-03", [{ sentence: 0, text: "Chinese and Russian leaders met for talks.", date: "2020-02-03", source: ["CHNGOV", "CHN", ["GOV"], "China"], target: ["RUSGOV", "RUS", ["GOV"], "Russia"], code: "040", quad: 1, goldstein: 1, plover: "CONSULT" }]);

/** A closed store file in `dir` holding A, B and C, for the command line to read. */
export async function knownFile(dir: string): Promise<string> {
  const path = join(dir, `known-${Math.random().toString(36).slice(2)}.db`);
  const store = await openStore(path);
  await store.saveBatch([A, B, C], "v1");
  await store.close();
  return path;
}
