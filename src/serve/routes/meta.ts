/** `GET /api/health` and `GET /api/openapi.json`. */
import { Hono } from "hono";
import type { HealthResponse, StoreCounts } from "../api-types.js";
import type { ApiContext } from "../context.js";
import { params } from "../http.js";
import { openApiDocument } from "../openapi.js";

/** How long health waits for the store's counts before it answers with the last ones read. */
export const HEALTH_WAIT_MS = 250;

export function metaRoutes(ctx: ApiContext): Hono {
  const app = new Hono();
  const openapi = openApiDocument(ctx);
  let last: StoreCounts | null = null;
  const readCounts = () => {
    const read = ctx.reads.counts().then((counts) => (last = counts));
    read.catch(() => {}); // a read that fails after health has answered is no one's error
    return read;
  };
  void readCounts();

  // health answers at once whatever the load: every read worker may be busy with slow queries (and coding
  // has threads of its own), so the counts are waited for only briefly, then the last ones read are given
  app.get("/health", async (c) => {
    params(c, []);
    const read = readCounts();
    let wait: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (wait = setTimeout(resolve, HEALTH_WAIT_MS, null)));
    const fresh = await Promise.race([read, late]).finally(() => clearTimeout(wait));
    // before any read has come back (the server is starting) there are no last counts: the read is waited for
    const stale = fresh === null && last !== null;
    const counts = fresh ?? last ?? (await read);
    return c.json({ ok: true, annals: ctx.annalsVersion, counts, stale, writes: ctx.token !== null && ctx.writable !== null } satisfies HealthResponse);
  });

  app.get("/openapi.json", (c) => {
    params(c, []);
    return c.json(openapi);
  });

  return app;
}
