/** Small helpers the routes share: the request's parameters and JSON bodies. */
import type { Context } from "hono";
import { badRequest } from "./errors.js";
import { Params } from "./params.js";

export const params = (c: Context, allowed: readonly string[]) => new Params(c.req.url, allowed);

/** The JSON object of a request body; a 400 saying what is wrong otherwise. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw badRequest(`the body must be JSON (Content-Type: application/json), not "${type || "none"}"`);
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (e) {
    throw badRequest(`the body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("the body must be a JSON object");
  return body as Record<string, unknown>;
}

const encoded = new WeakMap<object, string>();

/**
 * A JSON answer `{...head, rows}` whose rows are encoded once however many
 * answers carry them: the rows a kept read gives (./read-cache.ts) are one
 * object shared by every request that asks, and encoding a series of some
 * thousand rows costs more than the rest of the request. The bytes are those
 * `c.json({...head, rows})` would send.
 */
export function jsonWithRows(c: Context, head: Record<string, string>, rows: object): Response {
  let json = encoded.get(rows);
  if (json === undefined) {
    json = JSON.stringify(rows);
    encoded.set(rows, json);
  }
  let body = "{";
  for (const [k, v] of Object.entries(head)) body += `${JSON.stringify(k)}:${JSON.stringify(v)},`;
  return c.body(`${body}"rows":${json}}`, 200, { "content-type": "application/json" });
}
