/**
 * Progress of a long run on stderr. On a terminal, one line redrawn in place
 * (a bar, documents, events, rate, ETA); otherwise, for logs, a plain line
 * every few seconds. Messages about bad documents go through `say`, so they
 * never land in the middle of the redrawn line. The summary line ends both.
 */

export interface ProgressState {
  documents: number;
  added: number;
  replaced: number;
  unchanged: number;
  failed: number;
  events: number;
  /** Input bytes read so far and in all, for the bar and the ETA; total 0 when unknown (stdin). */
  bytesDone: number;
  bytesTotal: number;
}

const n = (x: number) => x.toLocaleString("en-US");

function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h ? h + ":" + String(m).padStart(2, "0") : m}:${String(s % 60).padStart(2, "0")}`;
}

export class Progress {
  private readonly started = Date.now();
  private lastDrawn = this.started;
  private drawn = false;

  constructor(
    private readonly err: NodeJS.WritableStream,
    private readonly label: string,
    private readonly tty = (err as NodeJS.WriteStream).isTTY === true,
    private readonly everyMs = tty ? 250 : 10_000,
  ) {}

  /** One line about the run so far. */
  line(s: ProgressState): string {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? s.documents / seconds : 0;
    const parts = [`${n(s.documents)} documents (${n(s.added)} added, ${n(s.replaced)} replaced, ${n(s.unchanged)} unchanged, ${n(s.failed)} failed)`, `${n(s.events)} events`, `${rate.toFixed(rate < 10 ? 1 : 0)} documents/s`];
    if (s.bytesTotal > 0 && s.bytesDone > 0 && s.bytesDone < s.bytesTotal) parts.push(`ETA ${duration((seconds * (s.bytesTotal - s.bytesDone)) / s.bytesDone)}`);
    return `${this.label}: ${parts.join(", ")}`;
  }

  /** Shows the state if it is time to. */
  update(s: ProgressState): void {
    const now = Date.now();
    if (now - this.lastDrawn < this.everyMs) return;
    this.lastDrawn = now;
    if (!this.tty) {
      this.err.write(this.line(s) + "\n");
      return;
    }
    const fraction = s.bytesTotal > 0 ? Math.min(1, s.bytesDone / s.bytesTotal) : 0;
    const bar = s.bytesTotal > 0 ? `[${"#".repeat(Math.round(fraction * 20)).padEnd(20, ".")}] ${Math.floor(fraction * 100)}% ` : "";
    this.err.write(`\r\x1b[K${bar}${this.line(s)}`);
    this.drawn = true;
  }

  /** A message on its own line. */
  say(message: string): void {
    this.clear();
    this.err.write(message + "\n");
  }

  /** The summary line. */
  finish(s: ProgressState): void {
    this.clear();
    const seconds = (Date.now() - this.started) / 1000;
    this.err.write(`${this.line(s).replace(/, ETA .*$/, "")} in ${duration(seconds)}\n`);
  }

  private clear(): void {
    if (!this.drawn) return;
    this.err.write("\r\x1b[K");
    this.drawn = false;
    this.lastDrawn = 0; // redraw at the next update
  }
}
