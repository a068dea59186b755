/**
 * What the parser looks at in a configuration: the words and tags on top of the stack and at the front
 * of the buffer, their children so far, distances and valencies (after Zhang and Nivre 2011, adapted to
 * the arc-hybrid system, where the second stack word is a candidate head too).
 */
import type { Configuration } from "./arc-hybrid.js";
import { feature1, feature2, feature3, mix } from "./hashing.js";
import { NO_WORD, ROOT_WORD } from "./words.js";

export const PARSER_FEATURES = 86;
export const LABEL_FEATURES = 30;

const NONE = 0x3f3f;
const ROOT_TAG = 0x3f40;

/** The sentence as the parser sees it: hashed words and tag ids, position 0 the root. */
export interface ParserInput {
  n: number;
  word: Uint32Array;
  /** Tag id + 1; the root has its own. */
  tag: Uint32Array;
  wordTag: Uint32Array;
}

export function parserInput(words: Uint32Array, tagIds: Int32Array): ParserInput {
  const n = words.length - 1;
  const word = new Uint32Array(n + 1);
  const tag = new Uint32Array(n + 1);
  const wordTag = new Uint32Array(n + 1);
  word[0] = ROOT_WORD;
  tag[0] = ROOT_TAG;
  for (let i = 1; i <= n; i++) {
    word[i] = words[i];
    tag[i] = tagIds[i] + 1;
  }
  for (let i = 0; i <= n; i++) wordTag[i] = mix(word[i], tag[i]) >>> 0 || 1;
  return { n, word, tag, wordTag };
}

function distance(a: number, b: number): number {
  if (a < 0 || b < 0) return NONE;
  const d = Math.abs(a - b);
  return d < 5 ? d + 1 : d < 10 ? 7 : 8;
}

function count(c: number): number {
  return c < 4 ? c + 1 : 5;
}

// (module functions rather than closures: this runs twice per word)
const W = (x: ParserInput, i: number) => (i < 0 || i > x.n ? NO_WORD : x.word[i]);
const T = (x: ParserInput, i: number) => (i < 0 || i > x.n ? NONE : x.tag[i]);
const WT = (x: ParserInput, i: number) => (i < 0 ? NONE : x.wordTag[i]);
const L = (c: Configuration, i: number) => (i < 0 ? NONE : c.labels[i] + 1);
const at = (a: Int32Array, i: number) => (i < 0 ? -1 : a[i]);

export function transitionFeatures(c: Configuration, x: ParserInput, out: Uint32Array): number {
  const s0 = c.s(0), s1 = c.s(1), s2 = c.s(2);
  const b0 = c.b(0), b1 = c.b(1), b2 = c.b(2);

  const s0w = W(x, s0), s0t = T(x, s0), s0wt = WT(x, s0);
  const s1w = W(x, s1), s1t = T(x, s1), s1wt = WT(x, s1);
  const b0w = W(x, b0), b0t = T(x, b0), b0wt = WT(x, b0);
  const b1w = W(x, b1), b1t = T(x, b1);
  const b2w = W(x, b2), b2t = T(x, b2);
  const s2t = T(x, s2);
  const s0l = at(c.left1, s0), s0r = at(c.right1, s0), s0l2 = at(c.left2, s0), s0r2 = at(c.right2, s0);
  const s1l = at(c.left1, s1), s1r = at(c.right1, s1);
  const b0l = at(c.left1, b0), b0l2 = at(c.left2, b0);
  const dist = distance(s0, b0);
  const dist1 = distance(s1, s0);
  const s0vl = s0 < 0 ? NONE : count(c.leftCount[s0]);
  const s0vr = s0 < 0 ? NONE : count(c.rightCount[s0]);
  const b0vl = b0 < 0 ? NONE : count(c.leftCount[b0]);
  const s1vr = s1 < 0 ? NONE : count(c.rightCount[s1]);
  const s0sl = s0 < 0 ? NONE : c.leftLabels[s0] + 1;
  const s0sr = s0 < 0 ? NONE : c.rightLabels[s0] + 1;
  const b0sl = b0 < 0 ? NONE : c.leftLabels[b0] + 1;

  let k = 0;
  // single words
  out[k++] = feature1(0, s0w);
  out[k++] = feature1(1, s0t);
  out[k++] = feature1(2, s0wt);
  out[k++] = feature1(3, b0w);
  out[k++] = feature1(4, b0t);
  out[k++] = feature1(5, b0wt);
  out[k++] = feature1(6, b1w);
  out[k++] = feature1(7, b1t);
  out[k++] = feature2(8, b1w, b1t);
  out[k++] = feature1(9, b2w);
  out[k++] = feature1(10, b2t);
  out[k++] = feature1(11, s1w);
  out[k++] = feature1(12, s1t);
  out[k++] = feature1(13, s1wt);
  out[k++] = feature1(14, s2t);
  // pairs of the two candidate arcs: s0 with b0 (LEFT) and s1 with s0 (RIGHT)
  out[k++] = feature2(15, s0wt, b0wt);
  out[k++] = feature2(16, s0wt, b0w);
  out[k++] = feature2(17, s0w, b0wt);
  out[k++] = feature2(18, s0wt, b0t);
  out[k++] = feature2(19, s0t, b0wt);
  out[k++] = feature2(20, s0w, b0w);
  out[k++] = feature2(21, s0t, b0t);
  out[k++] = feature2(22, b0t, b1t);
  out[k++] = feature2(23, s1wt, s0wt);
  out[k++] = feature2(24, s1wt, s0t);
  out[k++] = feature2(25, s1t, s0wt);
  out[k++] = feature2(26, s1w, s0w);
  out[k++] = feature2(27, s1t, s0t);
  out[k++] = feature2(28, s1t, b0t);
  out[k++] = feature2(29, s1w, b0w);
  // three tags
  out[k++] = feature3(30, b0t, b1t, b2t);
  out[k++] = feature3(31, s0t, b0t, b1t);
  out[k++] = feature3(32, s1t, s0t, b0t);
  out[k++] = feature3(33, s2t, s1t, s0t);
  out[k++] = feature3(34, s0t, T(x, s0l), b0t);
  out[k++] = feature3(35, s0t, T(x, s0r), b0t);
  out[k++] = feature3(36, s0t, b0t, T(x, b0l));
  out[k++] = feature3(37, s1t, T(x, s1r), s0t);
  out[k++] = feature3(38, s1t, s0t, T(x, s0l));
  out[k++] = feature3(39, s1t, s0t, T(x, s0r));
  out[k++] = feature3(40, s1t, T(x, s1l), s0t);
  out[k++] = feature3(41, s1t, s0t, b1t);
  // distance
  out[k++] = feature2(42, s0w, dist);
  out[k++] = feature2(43, s0t, dist);
  out[k++] = feature2(44, b0w, dist);
  out[k++] = feature2(45, b0t, dist);
  out[k++] = feature3(46, s0w, b0w, dist);
  out[k++] = feature3(47, s0t, b0t, dist);
  out[k++] = feature3(48, s1t, s0t, dist1);
  out[k++] = feature3(49, s1w, s0w, dist1);
  // valency
  out[k++] = feature2(50, s0w, s0vr);
  out[k++] = feature2(51, s0t, s0vr);
  out[k++] = feature2(52, s0w, s0vl);
  out[k++] = feature2(53, s0t, s0vl);
  out[k++] = feature2(54, b0w, b0vl);
  out[k++] = feature2(55, b0t, b0vl);
  out[k++] = feature2(56, s1t, s1vr);
  // children
  out[k++] = feature1(57, W(x, s0l));
  out[k++] = feature2(58, T(x, s0l), L(c, s0l));
  out[k++] = feature1(59, W(x, s0r));
  out[k++] = feature2(60, T(x, s0r), L(c, s0r));
  out[k++] = feature1(61, W(x, b0l));
  out[k++] = feature2(62, T(x, b0l), L(c, b0l));
  out[k++] = feature2(63, W(x, s1r), L(c, s1r));
  out[k++] = feature3(64, s0t, L(c, s0l), L(c, s0l2));
  out[k++] = feature3(65, s0t, L(c, s0r), L(c, s0r2));
  out[k++] = feature3(66, b0t, L(c, b0l), L(c, b0l2));
  out[k++] = feature3(67, s0t, T(x, s0l), T(x, s0l2));
  out[k++] = feature3(68, s0t, T(x, s0r), T(x, s0r2));
  out[k++] = feature3(69, b0t, T(x, b0l), T(x, b0l2));
  // label sets
  out[k++] = feature2(70, s0w, s0sr);
  out[k++] = feature2(71, s0t, s0sr);
  out[k++] = feature2(72, s0w, s0sl);
  out[k++] = feature2(73, s0t, s0sl);
  out[k++] = feature2(74, b0w, b0sl);
  out[k++] = feature2(75, b0t, b0sl);
  out[k++] = feature3(76, s1t, s0t, s0sl);
  // where the sentence ends
  out[k++] = feature3(77, b0t, b1 < 0 ? 1 : 2, s0t);
  out[k++] = feature2(78, s0wt, b1t);
  out[k++] = feature3(79, s0t, b0w, b1w);
  // where a prepositional phrase hangs ("sent boats [to the islands]"): the preposition, already a child of its
  // noun, with the two candidate heads
  const prep = W(x, b0l);
  out[k++] = feature3(80, s0w, prep, b0w);
  out[k++] = feature3(81, s1w, prep, b0w);
  out[k++] = feature3(82, s1t, s0t, prep);
  out[k++] = feature2(83, s0w, prep);
  out[k++] = feature2(84, s1w, prep);
  out[k++] = feature3(85, s1wt, s0t, b0t);
  return k;
}

/** What the label classifier sees of an arc from `head` to `dep` once the transition is chosen. */
export function labelFeatures(c: Configuration, x: ParserInput, head: number, dep: number, out: Uint32Array): number {
  const dw = x.word[dep], dt = x.tag[dep], dwt = x.wordTag[dep];
  const hw = x.word[head], ht = x.tag[head], hwt = x.wordTag[head];
  const dir = head < dep ? 1 : 2;
  const dist = distance(head, dep);
  const dl = c.left1[dep], dr = c.right1[dep];
  const hl = c.left1[head], hr = c.right1[head];
  let k = 0;
  out[k++] = feature1(0, dw);
  out[k++] = feature1(1, dt);
  out[k++] = feature1(2, dwt);
  out[k++] = feature1(3, hw);
  out[k++] = feature1(4, ht);
  out[k++] = feature1(5, hwt);
  out[k++] = feature2(6, ht, dt);
  out[k++] = feature2(7, hw, dt);
  out[k++] = feature2(8, ht, dw);
  out[k++] = feature2(9, hwt, dwt);
  out[k++] = feature3(10, ht, dt, dir);
  out[k++] = feature3(11, ht, dt, dist);
  out[k++] = feature2(12, dt, dir);
  out[k++] = feature2(13, dw, dir);
  out[k++] = feature2(14, dt, L(c, dl));
  out[k++] = feature2(15, dt, L(c, dr));
  out[k++] = feature2(16, dt, c.leftLabels[dep] + 1);
  out[k++] = feature2(17, dt, c.rightLabels[dep] + 1);
  // "by the police": the case word says obl:agent, "of" says nmod
  out[k++] = feature2(18, W(x, dl), ht);
  out[k++] = feature2(19, W(x, dl), dt);
  out[k++] = feature3(20, dt, c.leftLabels[head] + 1, dir);
  out[k++] = feature3(21, ht, c.leftLabels[head] + 1, dir);
  out[k++] = feature3(22, dt, c.rightLabels[head] + 1, dir);
  out[k++] = feature3(23, dt, T(x, dep - 1), T(x, dep + 1));
  out[k++] = feature3(24, ht, T(x, head - 1), dir);
  out[k++] = feature3(25, dw, ht, dir);
  out[k++] = feature3(26, W(x, dl), ht, dt);
  out[k++] = feature3(27, hw, dt, dir);
  out[k++] = feature3(28, dt, L(c, hl), L(c, hr));
  out[k++] = feature3(29, T(x, dl), T(x, dr), dt);
  return k;
}
