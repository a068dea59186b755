/**
 * The events list's paging cursor: the order of the page and the key (the
 * value of the order's column, store sequence number) of its last event,
 * opaque to clients (base64url of JSON). Keyset paging costs the same on
 * page 1 and page 10,000, and a page does not shift when events are added
 * before it, as an offset would. A cursor is good only for the order it was
 * given in.
 */
import type { EventKey, EventSort, EventSortKey } from "../store/index.js";
import { badRequest } from "./errors.js";

/** The `sort` values of `GET /api/events`: a column, or a column after "-" for the reverse order. */
export const SORTS = ["date", "-date", "goldstein", "-goldstein", "source", "-source", "target", "-target", "code", "-code"] as const;
export type SortName = (typeof SORTS)[number];

export const toSort = (name: SortName): EventSort => ({ by: name.replace(/^-/, "") as EventSortKey, desc: name.startsWith("-") });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value can be a key of this order: what the store holds in its column (codes are short strings; only dates and actors may be missing). */
function keyValue(by: EventSortKey, value: unknown): boolean {
  switch (by) {
    case "date":
      return value === null || (typeof value === "string" && DATE.test(value));
    case "goldstein":
      return typeof value === "number" && Number.isFinite(value);
    case "code":
      return typeof value === "string" && value.length <= 64;
    case "source":
    case "target":
      return value === null || (typeof value === "string" && value.length <= 64);
  }
}

export function encodeCursor(sort: SortName, key: EventKey): string {
  return Buffer.from(JSON.stringify([sort, key.value, key.seq])).toString("base64url");
}

/** The key a cursor holds, for a page in the order `sort`; a 400 for anything this server did not give, or gave for another order. */
export function decodeCursor(cursor: string, sort: SortName): EventKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 3) {
    const [given, key, seq] = value as unknown[];
    if ((SORTS as readonly unknown[]).includes(given) && Number.isSafeInteger(seq) && (seq as number) > 0 && keyValue(toSort(given as SortName).by, key)) {
      if (given !== sort) throw badRequest(`cursor is for events sorted by ${given}, not ${sort}: give the sort of the page it came from, or start again without a cursor`);
      return { value: key as string | number | null, seq: seq as number };
    }
  }
  throw badRequest(`cursor "${cursor.length > 40 ? cursor.slice(0, 40) + "…" : cursor}" is not a cursor this server gave: pass the "next" of the previous page as it is`);
}
