/** What `npm run bench:code` times: `--lines` documents coded with `annals code`'s default options, events serialised as JSON Lines. */
import { Writable } from "node:stream";
import { codeDocument, DocumentError, type Dictionaries, type Document } from "../src/core/index.js";

const CODING = { requireDyad: true, useParse: false }; // what `annals code` uses without flags
const discard = new Writable({ write: (_c, _e, done) => done() });

/** Codes each document, writing its events as JSON lines to a stream that drops them; the number of events. */
export function codeNews(docs: Document[], dictionaries: Dictionaries): number {
  let events = 0;
  for (const doc of docs) {
    try {
      const coded = codeDocument(doc, dictionaries, CODING);
      for (const e of coded.events) discard.write(JSON.stringify(e) + "\n");
      events += coded.events.length;
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e; // a line too long to code, as annals code reports and passes over
    }
  }
  return events;
}
