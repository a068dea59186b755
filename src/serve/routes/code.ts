/**
 * `POST /api/code` (posted text coded, nothing stored) and `GET
 * /api/dictionary` (the dictionary files, so a browser can compile them and
 * code with the same `src/core` coder).
 */
import { Hono } from "hono";
import { normalizeDate, readArticle, type Event, type InputProblem } from "../../core/index.js";
import type { CodeResponse, DictionaryResponse } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { jsonBody, params } from "../http.js";
import { CODE_FIELDS, checkDocument } from "../schema.js";
import { sizeLimit } from "./documents.js";

export function codeRoutes(ctx: ApiContext): Hono {
  const app = new Hono();

  app.post("/code", sizeLimit(ctx.limits.codeBytes, "POST /api/code"), async (c) => {
    params(c, []);
    const { text, date, place } = checkDocument(await jsonBody(c), CODE_FIELDS, "", "the body");
    // read as `annals code` reads a text file: an optional "date YYYY-MM-DD Place" first line, the id a hash of the text
    const read = readArticle(text, "text", date ? normalizeDate(date) : null);
    const problems: InputProblem[] = [...read.problems];
    const events: Event[] = [];
    const doc = read.documents[0];
    if (doc) {
      if (place) doc.place = place;
      // the request's coding time is bounded: past it, a 503 (CodingTimeout), and the worker is replaced
      const result = await ctx.coding((code) => code(doc, ctx.limits.codeMs));
      if ("error" in result) {
        if (!result.documentError) throw new Error(result.error);
        problems.push({ where: "text", message: result.error, severity: "error" });
      } else {
        for (const w of result.warnings) problems.push({ where: "text", message: w, severity: "warning" });
        for (const e of result.events) events.push(e);
      }
    }
    return c.json({ events, problems } satisfies CodeResponse);
  });

  app.get("/dictionary", (c) => {
    params(c, []);
    return c.json(ctx.dictionary satisfies DictionaryResponse);
  });

  return app;
}
