/** Waiting helpers for the benchmarks: bounded, and they say what they waited for. */

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Polls `condition` until it holds; returns false (does not throw) when `timeoutMs` passes. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  pollMs = 5,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(pollMs);
  }
  return true;
}

/** Runs `open(i)` for i < count with at most `concurrency` in flight; results in order. */
export async function mapConcurrent<T>(
  count: number,
  concurrency: number,
  open: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await open(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}
