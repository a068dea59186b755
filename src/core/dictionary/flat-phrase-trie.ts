/**
 * A PhraseTrie read back from its flat form: typed arrays of edges and a
 * string of tokens, which load in a few milliseconds where tens of thousands
 * of Maps and node objects take a tenth of a second to rebuild, and each
 * node's values decoded only when a lookup reaches them. Lookups give what
 * the trie it was flattened from gives.
 */
import { PhraseTrie, type PhraseMatch } from "./phrase-trie.js";
import { TokenIds } from "./token-ids.js";

/** A trie as PhraseTrie.flatten writes it. Node 0 is the root. */
export interface FlatTrie {
  size: number;
  /** Every token of every phrase, once, joined by U+0000: a token's id is its place in this list. */
  tokens: string;
  /** Node n's children are edges firstEdge[n] to firstEdge[n + 1] - 1, in order of token id. */
  firstEdge: Uint32Array;
  edgeToken: Uint32Array;
  edgeChild: Uint32Array;
  /** Node n's values, encoded, are valueText[valueStart[n], valueStart[n + 1]); an empty text: none. */
  valueStart: Uint32Array;
  valueText: string;
}

export class FlatPhraseTrie<T> extends PhraseTrie<T> {
  /** This trie's token id by shared number (see TokenIds), built on the first lookup. */
  private ids: Int32Array | null = null;
  /** Each node's values once decoded: a node gives the same array on every lookup, as a PhraseTrie does. */
  private readonly decoded: (T[] | undefined)[] = [];

  /**
   * Throws when `flat` is not a well-formed trie (a damaged cache), so the caller compiles instead. Tries that
   * walk the same sentences share one `tokenIds`, this trie's tokens being its list number `list`.
   */
  constructor(
    private readonly flat: FlatTrie,
    private readonly decode: (text: string) => T[],
    private readonly tokenIds = new TokenIds([flat.tokens]),
    private readonly list = 0,
  ) {
    super();
    checkShape(flat);
    this.size = flat.size;
  }

  override add(): void {
    throw new Error("a trie read back from its flat form cannot take more phrases: compile the dictionaries again");
  }

  override longestAt(keys: readonly string[], start: number, limit = keys.length): PhraseMatch<T> | null {
    const ids = this.tokenIds.idsOf(keys);
    let node = 0;
    let best: PhraseMatch<T> | null = null;
    for (let i = start; i < limit; i++) {
      node = this.child(node, ids[i]);
      if (node < 0) break;
      const values = this.valuesOf(node);
      if (values) best = { start, end: i + 1, values };
    }
    return best;
  }

  override allAt(keys: readonly string[], start: number, limit = keys.length): PhraseMatch<T>[] {
    const ids = this.tokenIds.idsOf(keys);
    let node = 0;
    const out: PhraseMatch<T>[] = [];
    for (let i = start; i < limit; i++) {
      node = this.child(node, ids[i]);
      if (node < 0) break;
      const values = this.valuesOf(node);
      if (values) out.push({ start, end: i + 1, values });
    }
    return out;
  }

  /** The child of `node` by the token of shared number `token` (-1: a word no trie has), or -1. */
  private child(node: number, token: number): number {
    if (token < 0) return -1;
    this.ids ??= this.tokenIds.trieIds(this.list);
    const id = this.ids[token];
    if (id < 0) return -1;
    const { firstEdge, edgeToken, edgeChild } = this.flat;
    let lo = firstEdge[node];
    let hi = firstEdge[node + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = edgeToken[mid];
      if (t === id) return edgeChild[mid];
      if (t < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private valuesOf(node: number): T[] | null {
    const done = this.decoded[node];
    if (done) return done;
    const { valueStart, valueText } = this.flat;
    if (valueStart[node] === valueStart[node + 1]) return null;
    return (this.decoded[node] = this.decode(valueText.slice(valueStart[node], valueStart[node + 1])));
  }
}

/**
 * That the arrays agree in length, so that a file of another shape is refused; a damaged file is the
 * cache's checksum's to catch, not a walk over every edge at each start.
 */
function checkShape(flat: FlatTrie): void {
  const { firstEdge, edgeToken, edgeChild, valueStart, valueText, tokens } = flat;
  const arrays = [firstEdge, edgeToken, edgeChild, valueStart];
  if (!arrays.every((a) => a instanceof Uint32Array) || typeof tokens !== "string" || typeof valueText !== "string" || typeof flat.size !== "number") throw new Error("not a flat trie");
  const nodes = firstEdge.length - 1;
  const ok = nodes >= 1 && valueStart.length === nodes + 1 && firstEdge[nodes] === edgeToken.length && edgeChild.length === edgeToken.length && valueStart[nodes] === valueText.length;
  if (!ok) throw new Error("a damaged flat trie");
}
