/** The limits that keep one request from taking the server: body sizes, page sizes, query time, coding time and queue. */
export interface Limits {
  /** Largest body of `POST /api/code`, bytes. */
  codeBytes: number;
  /** Largest body of `POST /api/documents`, bytes. */
  documentsBytes: number;
  /** Most events a page of `GET /api/events` may ask for. */
  maxEventsPage: number;
  /** Events `GET /api/events` counts for its total; past it the total says "more than" (the count stays fast on any store). */
  eventsTotal: number;
  /** Downloads (`GET /api/export`) streaming at once; more are a 429. Each holds a thread and a read of the store until it ends. */
  exports: number;
  /** Most rows `GET /api/top` may ask for. */
  maxTopRows: number;
  /** Milliseconds a store read may take, waiting for a free connection included (see ./read-pool.ts). */
  queryMs: number;
  /**
   * Milliseconds of a coding worker's time one `POST /api/code` request may
   * take, and each document of `POST /api/documents`; past it the worker is
   * replaced and the request is a 503 (the document a failure). Time spent
   * waiting for a worker does not count.
   */
  codeMs: number;
  /** Coding requests (`POST /api/code`, `POST /api/documents`) that may wait while every coding worker is busy; more are a 429. */
  codeQueue: number;
}

export const DEFAULT_LIMITS: Limits = {
  codeBytes: 1024 * 1024,
  documentsBytes: 10 * 1024 * 1024,
  maxEventsPage: 500,
  eventsTotal: 10_000,
  exports: 4,
  maxTopRows: 100,
  queryMs: 5000,
  // a posted megabyte codes in one to three seconds
  codeMs: 10_000,
  codeQueue: 8,
};

export const mb = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(2)} MB`;
