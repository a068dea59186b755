/**
 * A token trie: every dictionary phrase compiles into it once, and matching a
 * sentence is a walk from each token, so lookup cost does not grow with the
 * size of the dictionaries.
 */
import type { FlatTrie } from "./flat-phrase-trie.js";

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  values: T[] | null;
}

export interface PhraseMatch<T> {
  /** Token index of the first token. */
  start: number;
  /** Token index after the last token. */
  end: number;
  values: T[];
}

export class PhraseTrie<T> {
  private readonly root: TrieNode<T> = { next: null, values: null };
  size = 0;

  add(tokens: readonly string[], value: T): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      if (!node.next) node.next = new Map();
      let child = node.next.get(t);
      if (!child) {
        child = { next: null, values: null };
        node.next.set(t, child);
      }
      node = child;
    }
    if (!node.values) node.values = [];
    node.values.push(value);
    this.size++;
  }

  /**
   * The trie as a few arrays and two strings (./flat-phrase-trie.ts), each node's values as `encode` writes
   * them: a form that is stored and read back without building an object per node.
   */
  flatten(encode: (values: T[]) => string): FlatTrie {
    const tokenIds = new Map<string, number>();
    const idOf = (t: string) => {
      let id = tokenIds.get(t);
      if (id === undefined) {
        if (t.includes("\u0000")) throw new Error(`a phrase token holds the separator: ${JSON.stringify(t)}`);
        tokenIds.set(t, (id = tokenIds.size));
      }
      return id;
    };
    const nodes: TrieNode<T>[] = [this.root];
    const firstEdge = [0];
    const edgeToken: number[] = [];
    const edgeChild: number[] = [];
    const valueStart = [0];
    const valueTexts: string[] = [];
    let valueLength = 0;
    // breadth first, so a node's children are numbered after every node before it
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      const children = node.next ? [...node.next].map(([t, child]) => [idOf(t), child] as const).sort((a, b) => a[0] - b[0]) : [];
      for (const [id, child] of children) {
        edgeToken.push(id);
        edgeChild.push(nodes.length);
        nodes.push(child);
      }
      firstEdge.push(edgeToken.length);
      const text = node.values ? encode(node.values) : "";
      valueTexts.push(text);
      valueLength += text.length;
      valueStart.push(valueLength);
    }
    return {
      size: this.size,
      tokens: [...tokenIds.keys()].join("\u0000"),
      firstEdge: Uint32Array.from(firstEdge),
      edgeToken: Uint32Array.from(edgeToken),
      edgeChild: Uint32Array.from(edgeChild),
      valueStart: Uint32Array.from(valueStart),
      valueText: valueTexts.join(""),
    };
  }

  /** The longest phrase that starts at token `start` of `keys`, or null. */
  longestAt(keys: readonly string[], start: number, limit = keys.length): PhraseMatch<T> | null {
    let node = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let i = start; i < limit; i++) {
      const child = node.next?.get(keys[i]);
      if (!child) break;
      node = child;
      if (node.values) best = { start, end: i + 1, values: node.values };
    }
    return best;
  }

  /** Every phrase that starts at token `start`, shortest first. */
  allAt(keys: readonly string[], start: number, limit = keys.length): PhraseMatch<T>[] {
    let node = this.root;
    const out: PhraseMatch<T>[] = [];
    for (let i = start; i < limit; i++) {
      const child = node.next?.get(keys[i]);
      if (!child) break;
      node = child;
      if (node.values) out.push({ start, end: i + 1, values: node.values });
    }
    return out;
  }

  /** Non-overlapping longest matches, left to right. */
  scan(keys: readonly string[], from = 0, to = keys.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.longestAt(keys, i, to);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
