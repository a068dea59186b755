/** How long a read takes the first time (cold) and at best over `times` runs, in milliseconds. */
export async function latency(run: () => Promise<unknown>, times: number): Promise<{ first: number; best: number }> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return { first: ms[0], best: Math.min(...ms) };
}
