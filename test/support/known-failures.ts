/**
 * The fixture cases the coder does not get right yet (test/fixtures/known-failures.txt,
 * `ID | why` a line). They are reported as skipped, the reason naming the list's line,
 * not as failing tests, so `npm test` ends clean; they are still coded every run, and
 * one that starts passing fails until it is taken off the list (promoted to a plain case).
 */
export interface KnownFailure {
  id: string;
  /** 1-based line in the list. */
  line: number;
  reason: string;
}

export function readKnownFailures(text: string): Map<string, KnownFailure> {
  const known = new Map<string, KnownFailure>();
  text.split("\n").forEach((l, i) => {
    if (!l.trim() || l.startsWith("#")) return;
    const [id, ...why] = l.split("|");
    known.set(id.trim(), { id: id.trim(), line: i + 1, reason: why.join("|").trim() });
  });
  return known;
}

/**
 * How one case is reported: `skip` (a reason) for a known failure that still fails;
 * `promote` (a message for a failing test) for a known failure that now passes;
 * neither for a case not on the list, which is asserted as usual.
 */
export function knownFailureVerdict(known: KnownFailure | undefined, passed: boolean, list: string): { skip?: string; promote?: string } {
  if (!known) return {};
  if (passed) return { promote: `${known.id} passes now: take it off ${list}:${known.line}, so that it is checked as a plain case` };
  return { skip: `known failure, ${list}:${known.line}: ${known.reason}` };
}
