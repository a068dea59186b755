/**
 * The OpenAPI 3.1 document of the API, served at `/api/openapi.json`. Written
 * by hand beside ./api-types.ts (which the page compiles against); the API
 * tests check that it names every route the app has.
 */
import type { ApiContext } from "./context.js";
import { MAX_DOCUMENTS } from "./routes/documents.js";
import { CODE_FIELDS, documentSchema, STORED_FIELDS } from "./schema.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const num = { type: "number" };
const int = { type: "integer" };
const nullable = (type: string) => ({ type: [type, "null"] });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: "object", properties, required });

const query = (name: string, description: string, schema: Record<string, unknown> = str) => ({ name, in: "query", required: false, description, schema });
const pathId = (what: string) => ({ name: "id", in: "path", required: true, description: `The ${what} id.`, schema: str });

const FILTER = [
  query("actor", "Actor code prefix on either side (CHN takes CHNGOV).", { type: "string", pattern: "^[A-Za-z0-9]+$" }),
  query("source", "Source actor code prefix.", { type: "string", pattern: "^[A-Za-z0-9]+$" }),
  query("target", "Target actor code prefix.", { type: "string", pattern: "^[A-Za-z0-9]+$" }),
  query("code", "CAMEO root (04) or code (043, and the codes below it).", { type: "string", pattern: "^\\d{2,4}$" }),
  query("quad", "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.", { type: "string", enum: ["1", "2", "3", "4"] }),
  query("plover", "PLOVER category (CONSULT)."),
  query("mood", "The event's mood.", { type: "string", enum: ["asserted", "intended", "hypothetical", "reported-past"] }),
  query("counted", "Only events that count in aggregates: asserted, not denied, or stated acts.", { type: "string", enum: ["true", "false"] }),
  query("negated", "Whether the sentence denies the event.", { type: "string", enum: ["true", "false"] }),
  query("from", "First date, inclusive.", { type: "string", format: "date" }),
  query("to", "Last date, inclusive.", { type: "string", format: "date" }),
  query("dated", "true: only events with a date; false: only those without one.", { type: "string", enum: ["true", "false"] }),
  query("text", "Words that must all be in the sentence (full-text, stemmed).", { type: "string", maxLength: 500 }),
  query("doc", "Document id."),
  query("country", "Where the event happened: its location's country (ISO 3166-1 alpha-3, JPN).", { type: "string", pattern: "^[A-Za-z]{3}$" }),
  query("place", "Where the event happened: its location's name, as /api/locations gives it (any case).", { type: "string", maxLength: 200 }),
];
const ALL = query("all", "Count every event, not only asserted, non-negated ones and stated acts.", { type: "string", enum: ["true", "false"] });

const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } });
const SORT = query(
  "sort",
  "Order: date, goldstein, source, target or code, ascending; after a minus (-goldstein) descending. Ties in insertion order (reversed by the minus); events without the value (no date, no source, no target) come last either way. Default date. Sorting by Goldstein reads every matching event (it has no index); the others follow an index.",
  { type: "string", enum: ["date", "-date", "goldstein", "-goldstein", "source", "-source", "target", "-target", "code", "-code"] },
);
const ERRORS = {
  "400": json(ref("Error"), "A bad parameter or body; the message names it."),
  "503": json(ref("Error"), "The query took longer than the server's limit."),
};
const BUSY = json(ref("Error"), "Every coding worker is busy and as many coding requests wait as the server takes: try again (see Retry-After).");

export function openApiDocument(ctx: ApiContext) {
  const { limits } = ctx;
  const actor = obj({ text: str, start: int, end: int, code: str, country: nullable("string"), sectors: { type: "array", items: str }, name: str });
  const span = obj({ text: str, start: int, end: int });
  return {
    openapi: "3.1.0",
    info: {
      title: "annals",
      version: ctx.annalsVersion,
      description:
        "Political event data coded from news reports (CAMEO/PLOVER). Every error is {\"error\": message} with a 4xx or 5xx status. " +
        `Reads time out after ${limits.queryMs} ms (503). Coding a request (a document of POST /api/documents) may take ${limits.codeMs} ms of a worker's time (503 past it); ` +
        `at most ${limits.codeQueue} coding requests wait for a worker (429 beyond). Writes need a token.`,
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/health": { get: { summary: "Whether the server is up, what it holds, whether writes are on.", responses: { "200": json(obj({ ok: { const: true }, annals: str, counts: ref("StoreCounts"), stale: { type: "boolean", description: "The store's reads were all busy: counts are the last ones read." }, writes: { type: "boolean" } }), "Health, at once whatever the load.") } } },
      "/api/events": {
        get: {
          summary: "Events in the order of `sort` (by date unless told, unknown dates last), a page at a time, with the total that match.",
          parameters: [...FILTER, SORT, query("limit", `Events per page, 1 to ${limits.maxEventsPage}; default 50.`, { type: "integer", minimum: 1, maximum: limits.maxEventsPage }), query("cursor", "The `next` of the previous page, given with the same sort (a 400 otherwise).")],
          responses: {
            "200": json(
              obj({
                events: { type: "array", items: ref("ApiEvent") },
                next: nullable("string"),
                total: {
                  oneOf: [obj({ count: int, exact: { type: "boolean" } }), { type: "null" }],
                  description: `How many events match: exact up to ${limits.eventsTotal}; past it {count: ${limits.eventsTotal}, exact: false}, more than count (counting stops there, so it stays fast on any store). Null when counting took longer than the time limit.`,
                },
              }),
              "A page of events; `next` is null on the last.",
            ),
            ...ERRORS,
          },
        },
      },
      "/api/export": {
        get: {
          summary: "Every matching event as a file to download, streamed: the rows and bytes of annals export --format F for the same filter (insertion order).",
          parameters: [...FILTER, query("format", "jsonl (the event record a line), csv (one column per field, with a header) or gdelt (GDELT 2.0's 61 tab-separated columns, no header). Default jsonl.", { type: "string", enum: ["jsonl", "csv", "gdelt"] })],
          responses: {
            "200": {
              description: "The file (Content-Disposition: attachment). A failure after the first bytes cuts the connection, so a broken download never looks whole.",
              content: { "application/x-ndjson": { schema: str }, "text/csv": { schema: str }, "text/tab-separated-values": { schema: str } },
            },
            "400": ERRORS["400"],
            "429": json(ref("Error"), `${limits.exports} downloads are already streaming: try again when one ends (see Retry-After).`),
          },
        },
      },
      "/api/events/{id}": { get: { summary: "One event.", parameters: [pathId("event")], responses: { "200": json(obj({ event: ref("ApiEvent") }), "The event."), "404": json(ref("Error"), "No such event."), ...ERRORS } } },
      "/api/series": {
        get: {
          summary: "Counts and Goldstein totals by period and quad class.",
          parameters: [...FILTER, query("by", "Period; weeks start on Monday. Default month.", { type: "string", enum: ["day", "week", "month", "year"] }), ALL],
          responses: { "200": json(obj({ by: str, rows: { type: "array", items: ref("StatsRow") } }), "One row per period and quad class."), ...ERRORS },
        },
      },
      "/api/top": {
        get: {
          summary: "The actors (either side) or dyads with the most events.",
          parameters: [...FILTER, query("kind", "Default actors.", { type: "string", enum: ["actors", "dyads"] }), query("limit", `Rows, 1 to ${limits.maxTopRows}; default 20.`, { type: "integer", minimum: 1, maximum: limits.maxTopRows }), ALL],
          responses: { "200": json(obj({ kind: str, rows: { type: "array", items: ref("TopRow") } }), "Most events first."), ...ERRORS },
        },
      },
      "/api/locations": {
        get: {
          summary: "Events grouped by location, most first.",
          parameters: [...FILTER, ALL],
          responses: { "200": json(obj({ rows: { type: "array", items: obj({ country: nullable("string"), name: str, lat: nullable("number"), lon: nullable("number"), events: int, goldsteinMean: num }) } }), "Places."), ...ERRORS },
        },
      },
      "/api/documents/{id}": {
        get: {
          summary: "One document with its sentences that carry events and all its events.",
          parameters: [pathId("document")],
          responses: {
            "200": json(obj({ document: obj({ id: str, date: nullable("string"), place: nullable("string"), title: nullable("string"), source: nullable("string"), url: nullable("string"), text: str }), sentences: { type: "array", items: obj({ idx: int, text: str }) }, events: { type: "array", items: ref("ApiEvent") } }), "The document."),
            "404": json(ref("Error"), "No such document."),
            ...ERRORS,
          },
        },
      },
      "/api/documents": {
        post: {
          summary: "Code and store documents (as annals ingest). Only when the server was started with a token.",
          security: [{ bearer: [] }],
          requestBody: { required: true, description: `At most ${limits.documentsBytes} bytes.`, content: { "application/json": { schema: { ...obj({ documents: { type: "array", minItems: 1, maxItems: MAX_DOCUMENTS, items: documentSchema(STORED_FIELDS) } }), additionalProperties: false } } } },
          responses: {
            "200": json(obj({ added: int, replaced: int, unchanged: int, events: int, failed: int, problems: { type: "array", items: ref("InputProblem") } }), "What was stored."),
            "400": ERRORS["400"],
            "401": json(ref("Error"), "Missing or wrong token."),
            "403": json(ref("Error"), "Writes are off: the server has no token."),
            "413": json(ref("Error"), "Body too large."),
            "429": BUSY,
          },
        },
      },
      "/api/code": {
        post: {
          summary: "Code posted text; nothing is stored.",
          requestBody: { required: true, description: `At most ${limits.codeBytes} bytes. The text may open with a "date YYYY-MM-DD Place" line.`, content: { "application/json": { schema: documentSchema(CODE_FIELDS) } } },
          responses: { "200": json(obj({ events: { type: "array", items: ref("Event") }, problems: { type: "array", items: ref("InputProblem") } }), "The events."), "400": ERRORS["400"], "413": json(ref("Error"), "Body too large."), "429": BUSY, "503": json(ref("Error"), `Coding took longer than ${limits.codeMs} ms.`) },
        },
      },
      "/api/dictionary": { get: { summary: "The dictionary files the server codes with (to code in a browser with the same coder).", responses: { "200": json(obj({ version: str, files: { type: "array", items: obj({ path: str, text: str }) } }), "The files.") } } },
      "/api/openapi.json": { get: { summary: "This document.", responses: { "200": { description: "OpenAPI 3.1." } } } },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "The token given to annals serve with --token or ANNALS_TOKEN." } },
      schemas: {
        Error: obj({ error: str }),
        StoreCounts: obj({ documents: int, events: int, sentences: int, runs: int }),
        InputProblem: obj({ where: str, message: str, severity: { type: "string", enum: ["error", "warning"] } }),
        StatsRow: obj({ period: str, quad: int, events: int, distinct: int, goldsteinTotal: num, goldsteinMean: num }),
        TopRow: obj({ source: str, target: nullable("string"), events: int, distinct: int, goldsteinTotal: num, goldsteinMean: num }),
        Event: obj({
          id: str,
          doc: str,
          sentence: int,
          date: nullable("string"),
          source: { oneOf: [actor, { type: "null" }] },
          target: { oneOf: [actor, { type: "null" }] },
          code: str,
          root: str,
          quad: int,
          goldstein: num,
          plover: str,
          verb: span,
          negated: { type: "boolean" },
          mood: { type: "string", enum: ["asserted", "intended", "hypothetical", "reported-past"] },
          intendedCode: { type: ["string", "null"], description: "For a stated act (intent 03x, threat 13x, refusal 12x), the act itself; null otherwise." },
          location: { oneOf: [obj({ name: str, country: nullable("string"), lat: nullable("number"), lon: nullable("number") }), { type: "null" }] },
          issues: { type: "array", items: str },
          text: { type: "string", description: "The sentence." },
          rule: { type: "string", description: "The dictionary entry that fired, file:line." },
          confidence: num,
        }),
        ApiEvent: {
          allOf: [ref("Event"), obj({ sentenceStart: { type: ["integer", "null"], description: "Offset of `text` in the document text: span.start - sentenceStart indexes into text." } })],
        },
      },
    },
  };
}
