/**
 * One download of ./exports.ts: its own read-only connection to the store,
 * the export's file made a piece at a time, each piece when the server asks
 * for it (so rows are read only as fast as the client takes them).
 */
import { parentPort, workerData } from "node:worker_threads";
import { exportChunks, TEXT_FORMATS } from "../cli/export-formats.js";
import { openStore, StoreError, type Store } from "../store/index.js";
import type { ExportReply, ExportSetup } from "./exports.js";

const setup = workerData as ExportSetup;
const port = parentPort!;
const encoder = new TextEncoder();
let store: Store | null = null;
let chunks: AsyncIterator<string> | null = null;

// the server asks for the next piece only when it has the last, so one message is handled at a time
port.on("message", async () => {
  let reply: ExportReply;
  try {
    if (!chunks) {
      store = await openStore(setup.path, { readonly: true, connections: 1 });
      chunks = exportChunks(store.exportRows(setup.filter), TEXT_FORMATS[setup.format]);
    }
    const next = await chunks.next();
    if (next.done) reply = { done: true };
    else {
      const bytes = encoder.encode(next.value);
      port.postMessage({ chunk: bytes } satisfies ExportReply, [bytes.buffer]);
      return;
    }
  } catch (e) {
    reply = { error: (e as Error).message, storeError: e instanceof StoreError };
  }
  port.postMessage(reply);
});

process.on("exit", () => void store?.close());
