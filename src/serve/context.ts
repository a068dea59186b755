/** What the routes are given: the store's reads and writes, the coder, the limits. */
import type { DataFile } from "../core/index.js";
import type { Store } from "../store/index.js";
import type { Coding } from "./coding.js";
import type { Exports } from "./exports.js";
import type { Limits } from "./limits.js";
import type { Reads } from "./reads.js";

export interface ApiContext {
  reads: Reads;
  /** Downloads of `annals export`'s files, each streamed from a thread of its own. */
  exports: Exports;
  /** The store for writes, opened read-write; null when writes are off. */
  writable: Store | null;
  /** The token `POST /api/documents` needs; writes are off without one. */
  token: string | null;
  /** One request's coding, off the server's thread, in time and queue limits (./coding.ts). */
  coding: Coding;
  dictionary: { version: string; files: DataFile[] };
  /** What stored documents are recorded as coded with (dictionary version and options, as ingest records it). */
  codingVersion: string;
  annalsVersion: string;
  limits: Limits;
}
