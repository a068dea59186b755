/**
 * The server's coding, bounded: documents are coded by workers under a time
 * limit (`LimitedCodingPool`), and the requests that code (`POST /api/code`,
 * `POST /api/documents`) hold a place while they do, at most one a worker
 * plus `limits.codeQueue` waiting. A request that finds no place is refused
 * at once (429) rather than queued without end behind costly ones.
 */
import type { Document } from "../core/index.js";
import type { CodeResult, LimitedCodingPool } from "../node/coding-pool.js";

/** Every place taken: the request is refused (429). */
export class CodingBusy extends Error {
  constructor(places: number) {
    super(`the server is busy coding (${places} requests coding or waiting): try again shortly`);
  }
}

/** Codes one document in at most `ms` milliseconds of a worker's time (`CodingTimeout` past them). */
export type CodeOne = (doc: Document, ms: number) => Promise<CodeResult>;

/** Runs one request's coding in a place of its own: `CodingBusy` when none is free. */
export type Coding = <T>(work: (code: CodeOne) => Promise<T>) => Promise<T>;

export function boundedCoding(pool: Pick<LimitedCodingPool, "size" | "code">, queue: number): Coding {
  const places = pool.size + queue;
  let taken = 0;
  const code: CodeOne = (doc, ms) => pool.code(doc, ms);
  return async (work) => {
    if (taken >= places) throw new CodingBusy(places);
    taken++;
    try {
      return await work(code);
    } finally {
      taken--;
    }
  };
}
