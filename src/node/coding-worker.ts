/**
 * The entry of one coding worker thread (see ./coding-pool.ts): loads the
 * dictionaries once (from the disk cache the main thread has just written)
 * and codes each document posted to it, answering with its events or why it
 * could not. It never touches the store: every write stays in the main
 * thread's transactions, in input order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { codeDocument, DocumentError } from "../core/index.js";
import { loadDictionaries } from "./data-files.js";
import type { CodeRequest, CodeResponse, WorkerSetup } from "./coding-pool.js";

const setup = workerData as WorkerSetup;
const { dictionaries } = loadDictionaries(setup.dictDir);
const port = parentPort!;
// a first document warms the coder (its first sentence takes a tenth of a second more than the next ones), then the
// worker says it is ready: a pool that times its documents (LimitedCodingPool) starts a document's clock only from here
codeDocument({ id: "warm-up", text: "Russia condemned China on Monday.", date: null, place: null }, dictionaries, setup.options);
port.postMessage({ ready: true });

port.on("message", ({ id, doc }: CodeRequest) => {
  let response: CodeResponse;
  try {
    const coded = codeDocument(doc, dictionaries, setup.options);
    response = { id, result: { events: coded.events, warnings: coded.warnings } };
  } catch (e) {
    response = { id, result: { error: (e as Error).message, documentError: e instanceof DocumentError } };
  }
  port.postMessage(response);
});
