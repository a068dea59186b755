/**
 * One numbering of the tokens of several flat tries (./flat-phrase-trie.ts),
 * so that a sentence's words are looked up once, not once a trie: the
 * lexicon, the issues and the discards all walk every word of every
 * sentence, and a look-up of a word in a table of tens of thousands is most
 * of what such a walk costs.
 */
export class TokenIds {
  /** Each token's number, built on first use. */
  private ids: Map<string, number> | null = null;
  /** The last sentence's keys and their numbers: the coder asks each trie, at each word, with the same array. */
  private lastKeys: readonly string[] | null = null;
  private lastIds: Int32Array = new Int32Array(0);
  private readonly split: string[][] = [];

  /** `tokenLists`: each trie's tokens, joined by U+0000 (FlatTrie.tokens). */
  constructor(private readonly tokenLists: readonly string[]) {}

  /** For trie `k` (its place in `tokenLists`): its own token id for each shared number, -1 where it has no such token. */
  trieIds(k: number): Int32Array {
    const ids = this.numbering();
    const local = new Int32Array(ids.size).fill(-1);
    this.tokensOf(k).forEach((token, id) => {
      local[ids.get(token)!] = id;
    });
    return local;
  }

  /**
   * The number of each of `keys`, -1 for a word no trie has. Asked again with the same array (as the coder asks,
   * word after word), it answers from the last time: a keys array is read once, and must not change after.
   */
  idsOf(keys: readonly string[]): Int32Array {
    if (keys === this.lastKeys) return this.lastIds;
    const numbering = this.numbering();
    const ids = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) ids[i] = numbering.get(keys[i]) ?? -1;
    this.lastKeys = keys;
    this.lastIds = ids;
    return ids;
  }

  private numbering(): Map<string, number> {
    if (!this.ids) {
      this.ids = new Map();
      for (let k = 0; k < this.tokenLists.length; k++) {
        for (const token of this.tokensOf(k)) if (!this.ids.has(token)) this.ids.set(token, this.ids.size);
      }
    }
    return this.ids;
  }

  /** Trie `k`'s tokens, split once (the numbering and the trie's own ids both read them). */
  private tokensOf(k: number): string[] {
    return (this.split[k] ??= this.tokenLists[k].split("\u0000"));
  }
}
