/**
 * The events list's paging cursor: the key (date, store sequence number) of
 * the last event of a page, opaque to clients (base64url of JSON). Keyset
 * paging costs the same on page 1 and page 10,000, and a page does not shift
 * when events are added before it, as an offset would.
 */
import type { EventKey } from "../store/index.js";
import { badRequest } from "./errors.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeCursor(key: EventKey): string {
  return Buffer.from(JSON.stringify([key.date, key.seq])).toString("base64url");
}

export function decodeCursor(cursor: string): EventKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 2) {
    const [date, seq] = value as unknown[];
    if ((date === null || (typeof date === "string" && DATE.test(date))) && Number.isSafeInteger(seq) && (seq as number) > 0) return { date: date as string | null, seq: seq as number };
  }
  throw badRequest(`cursor "${cursor.length > 40 ? cursor.slice(0, 40) + "…" : cursor}" is not a cursor this server gave: pass the "next" of the previous page as it is`);
}
