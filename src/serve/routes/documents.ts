/**
 * `GET /api/documents/:id` (a document, its sentences and events) and
 * `POST /api/documents` (ingest: coded and stored, as `annals ingest`
 * stores them). Writes are off unless the server has a token, and then a
 * request needs it: `Authorization: Bearer TOKEN`.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { readJsonl, type Document, type InputProblem } from "../../core/index.js";
import { CodingTimeout, type CodeResult } from "../../node/coding-pool.js";
import type { CodedItem } from "../../store/index.js";
import type { DocumentResponse, DocumentsResponse } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { ApiFailure, badRequest, notFound } from "../errors.js";
import { jsonBody, params } from "../http.js";
import { mb } from "../limits.js";
import { checkDocument, STORED_FIELDS } from "../schema.js";
import { apiEvent } from "./events.js";

/** Most documents in one request; more is a batch for `annals ingest`. */
export const MAX_DOCUMENTS = 1000;

// hashed first, so the comparison takes the same time whatever the lengths
const digest = (s: string) => createHash("sha256").update(s).digest();

export function requireToken(ctx: ApiContext): MiddlewareHandler {
  return async (c, next) => {
    if (!ctx.token || !ctx.writable) throw new ApiFailure(403, "writes are off: start annals serve with --token");
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1]?.trim();
    if (!given || !timingSafeEqual(digest(given), digest(ctx.token))) {
      c.header("WWW-Authenticate", 'Bearer realm="annals"');
      throw new ApiFailure(401, given ? "wrong token in the Authorization header" : "writes need the header Authorization: Bearer TOKEN");
    }
    await next();
  };
}

export const sizeLimit = (bytes: number, what: string) => bodyLimit({ maxSize: bytes, onError: () => { throw new ApiFailure(413, `the body of ${what} is larger than ${mb(bytes)}`); } });

export function documentRoutes(ctx: ApiContext): Hono {
  const app = new Hono();

  app.get("/documents/:id", async (c) => {
    params(c, []);
    const id = c.req.param("id");
    const found = await ctx.reads.getDocument(id);
    if (!found) throw notFound(`no document with id "${id}"`);
    return c.json({ document: found.document, sentences: found.sentences, events: found.events.map(apiEvent) } satisfies DocumentResponse);
  });

  app.post("/documents", requireToken(ctx), sizeLimit(ctx.limits.documentsBytes, "POST /api/documents"), async (c) => {
    params(c, []);
    const body = await jsonBody(c);
    const unknown = Object.keys(body).find((k) => k !== "documents");
    if (unknown !== undefined) throw badRequest(`unknown field "${unknown}": the body takes documents`);
    const list = body.documents;
    if (!Array.isArray(list) || list.length === 0) throw badRequest(`"documents" must be a non-empty array of {id?, text, date?, place?, title?, source?, url?}`);
    if (list.length > MAX_DOCUMENTS) throw badRequest(`"documents" has ${list.length} documents; at most ${MAX_DOCUMENTS} a request (use annals ingest for more)`);
    // every document checked before any is coded, as POST /api/code checks its body: a wrong field is the request's mistake
    const checked = list.map((d, i) => checkDocument(d, STORED_FIELDS, `documents[${i}]: `, "a document"));
    const problems: InputProblem[] = [];
    const docs: Document[] = [];
    checked.forEach((d, i) => {
      // the reader of annals ingest's JSON Lines, so a posted document is read (and given an id) as a file's would be
      const read = readJsonl(JSON.stringify(d), `documents[${i}]`);
      for (const p of read.problems) problems.push({ ...p, where: `documents[${i}]` });
      docs.push(...read.documents);
    });
    let failed = list.length - docs.length;
    const items: CodedItem[] = [];
    await ctx.coding(async (code) => {
      for (const doc of docs) {
        let result: CodeResult;
        try {
          // each document within the coding time limit; one past it fails alone
          result = await code(doc, ctx.limits.codeMs);
        } catch (e) {
          if (!(e instanceof CodingTimeout)) throw e;
          result = { error: `${e.message}: not stored (split it, or store it with annals ingest)`, documentError: true };
        }
        if ("error" in result) {
          if (!result.documentError) throw new Error(result.error);
          problems.push({ where: `document ${doc.id}`, message: result.error, severity: "error" });
          failed++;
          continue;
        }
        for (const w of result.warnings) problems.push({ where: `document ${doc.id}`, message: w, severity: "warning" });
        items.push({ doc, events: result.events });
      }
    });
    const store = ctx.writable!;
    const run = await store.beginRun({ command: "serve: POST /api/documents", dictVersion: ctx.codingVersion, annalsVersion: ctx.annalsVersion, inputs: [`${list.length} posted documents`] });
    const saved = await store.saveBatch(items, ctx.codingVersion, run);
    await store.finishRun(run, { ...saved, failed }, "done");
    return c.json({ ...saved, failed, problems } satisfies DocumentsResponse);
  });

  return app;
}
