/**
 * `POST /api/code` (posted text coded, nothing stored) and `GET
 * /api/dictionary` (the dictionary files, so a browser can compile them and
 * code with the same `src/core` coder).
 */
import { Hono } from "hono";
import { normalizeDate, readArticle, type Event, type InputProblem } from "../../core/index.js";
import type { CodeResponse, DictionaryResponse } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { badRequest } from "../errors.js";
import { jsonBody, params } from "../http.js";
import { sizeLimit } from "./documents.js";

export function codeRoutes(ctx: ApiContext): Hono {
  const app = new Hono();

  app.post("/code", sizeLimit(ctx.limits.codeBytes, "POST /api/code"), async (c) => {
    params(c, []);
    const body = await jsonBody(c);
    const { text, date, place } = body;
    if (typeof text !== "string") throw badRequest(`"text" must be a string: the article to code`);
    if (date !== undefined && date !== null && (typeof date !== "string" || !normalizeDate(date))) throw badRequest(`"date" ${JSON.stringify(date)} is not a real date (YYYY-MM-DD)`);
    if (place !== undefined && place !== null && typeof place !== "string") throw badRequest(`"place" must be a string`);
    const unknown = Object.keys(body).filter((k) => !["text", "date", "place"].includes(k));
    if (unknown.length) throw badRequest(`unknown field "${unknown[0]}": the body takes text, date and place`);
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
