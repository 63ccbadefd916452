/**
 * What every scenario reports about the server during its measured phase: CPU time
 * (`process.cpuUsage()` delta of the server process, user + system), peak RSS (VmHWM, reset at
 * the start of the phase), and the harness's own CPU share, so a reader can see when the
 * harness — which shares the machine's cores with the server — was the bottleneck.
 */
import type { RunningServer } from "../servers/serverUnderTest";

export interface Measured<T> {
  value: T;
  wallMs: number;
  serverCpuMs: number;
  /** The part of `serverCpuMs` spent in the kernel (on loopback: TCP send and receive). */
  serverSystemCpuMs: number;
  peakRssMb: number;
  /** Harness CPU time / wall time, in percent of one core. */
  harnessCpuPct: number;
}

export async function measured<T>(
  server: RunningServer,
  phase: () => Promise<T>,
): Promise<Measured<T>> {
  const before = await server.resetPeak();
  const harnessBefore = process.cpuUsage();
  const startedAt = performance.now();
  const value = await phase();
  const wallMs = performance.now() - startedAt;
  const harness = process.cpuUsage(harnessBefore);
  const after = await server.stats();
  const cpuUs = after.cpuUserUs - before.cpuUserUs + (after.cpuSystemUs - before.cpuSystemUs);
  return {
    value,
    wallMs,
    serverCpuMs: cpuUs / 1000,
    serverSystemCpuMs: (after.cpuSystemUs - before.cpuSystemUs) / 1000,
    peakRssMb: after.peakRssBytes / 2 ** 20,
    harnessCpuPct: ((harness.user + harness.system) / 1000 / wallMs) * 100,
  };
}

/**
 * Waits until the server process has used less than `thresholdMs` of CPU over `windowMs`:
 * its asynchronous writes (LevelDB's queue, Hocuspocus's debounced save) are done. Returns
 * false when it is still busy after `timeoutMs`.
 */
export async function serverSettled(
  server: RunningServer,
  { windowMs = 500, thresholdMs = 10, timeoutMs = 120_000 } = {},
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let previous = await server.stats();
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const current = await server.stats();
    const usedUs =
      current.cpuUserUs - previous.cpuUserUs + (current.cpuSystemUs - previous.cpuSystemUs);
    if (usedUs / 1000 < thresholdMs) return true;
    previous = current;
  }
  return false;
}
