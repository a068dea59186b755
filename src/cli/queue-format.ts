/** `annals queue status` as a table for people: counts, the rate, the claims held, the failures. */
import type { QueueStatus } from "../store/postgres/queue-status.js";

const n = (x: number) => x.toLocaleString("en-US");
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? "" : word.endsWith("ch") ? "es" : "s"}`;

export function formatQueueStatus(s: QueueStatus): string {
  const lines: string[] = [];
  const row = (label: string, c: { batches: number; documents: number }, note = "") => lines.push(`${label.padEnd(8)}${plural(c.batches, "batch").padStart(16)}${plural(c.documents, "document").padStart(20)}${note}`);
  row("queued", s.queued);
  row("running", s.running);
  row("done", s.done, s.failedDocuments ? `  (${plural(s.failedDocuments, "document")} of them failed)` : "");
  row("failed", s.failed);
  const r = s.rate;
  lines.push(`rate    ${r.documentsPerSecond.toFixed(1)} documents/s, ${r.eventsPerSecond.toFixed(1)} events/s over the last ${Math.round(r.windowSeconds / 60)} minutes`);
  for (const v of s.recodeVersions) lines.push(`re-code ${plural(v.batches, "batch")} (${plural(v.documents, "document")}) for coding version ${v.version}: taken only by workers started with the dictionaries and options "queue add --recode" was given`);
  for (const b of s.runningBatches) {
    const lease = b.leaseSecondsLeft >= 0 ? `lease runs out in ${b.leaseSecondsLeft} s` : `lease ran out ${-b.leaseSecondsLeft} s ago: the next worker takes it`;
    lines.push(`running batch ${b.batch} (${plural(b.documents, "document")}) on ${b.worker}, claim ${b.attempt}, ${lease} (${b.leaseUntil})`);
  }
  for (const b of s.failedBatches) lines.push(`failed batch ${b.batch} (${plural(b.documents, "document")}${b.worker ? `, last on ${b.worker}` : ""}): ${b.reason}`);
  if (s.failed.batches > s.failedBatches.length) lines.push(`... and ${n(s.failed.batches - s.failedBatches.length)} more failed batches`);
  for (const d of s.failedDocumentList) lines.push(`failed document ${d.id} (${d.origin}, batch ${d.batch}): ${d.reason}`);
  if (s.failedDocuments > s.failedDocumentList.length) lines.push(`... and ${n(s.failedDocuments - s.failedDocumentList.length)} more failed documents`);
  return lines.join("\n") + "\n";
}
