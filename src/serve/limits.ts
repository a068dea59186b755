/** The limits that keep one request from taking the server: body sizes, page sizes, query time. */
export interface Limits {
  /** Largest body of `POST /api/code`, bytes. */
  codeBytes: number;
  /** Largest body of `POST /api/documents`, bytes. */
  documentsBytes: number;
  /** Most events a page of `GET /api/events` may ask for. */
  maxEventsPage: number;
  /** Most rows `GET /api/top` may ask for. */
  maxTopRows: number;
  /** Milliseconds a store read may take, waiting for a free connection included (see ./read-pool.ts). */
  queryMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  codeBytes: 1024 * 1024,
  documentsBytes: 10 * 1024 * 1024,
  maxEventsPage: 500,
  maxTopRows: 100,
  queryMs: 5000,
};

export const mb = (bytes: number) => `${+(bytes / 1024 / 1024).toFixed(2)} MB`;
