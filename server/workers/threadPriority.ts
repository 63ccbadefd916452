/**
 * The event loop first: every thread of this process but the main one runs at a low priority.
 *
 * Besides the main thread, a Node process runs V8's platform threads (concurrent and parallel
 * garbage collection, optimising compilation — for every isolate, the task pool's workers
 * included) and libuv's thread pool (file system, zlib, password hashing). While a worker renders
 * a PDF, those helpers collect its garbage at normal priority on the core the sync server's
 * thread needs; measured, they used a third as much CPU as the worker itself (docs/BENCHMARKS.md,
 * "Export under load"). At a high nice value they get what the event loop leaves: it preempts
 * them at once when a keystroke arrives.
 *
 * On Linux a nice value belongs to a thread, and new threads take their creator's. The helper
 * threads are all created by the main thread, at start-up (V8's) or at the thread pool's first
 * use (libuv's, all at once), so the pool is started first and then every thread there is gets
 * the nice value; the main thread keeps its own. Workers set theirs when they start
 * (workerEntry.mjs). Elsewhere than Linux, or where the system refuses it, nothing changes.
 */
import { readdirSync } from "node:fs";
import { stat } from "node:fs/promises";
import os from "node:os";

/**
 * The nice value of all background work: the lowest priority there is, so the event loop
 * preempts it at once. The task pool's workers take it too (`TASK_POOL_DEFAULTS`).
 */
export const BACKGROUND_NICENESS = 19;

/** Gives every thread of the process except the main one the nice value `niceness` (0–19). */
export async function deprioritizeHelperThreads(
  niceness: number = BACKGROUND_NICENESS,
): Promise<number> {
  if (process.platform !== "linux" || niceness <= 0) return 0;
  // Any asynchronous file operation starts libuv's thread pool, with all its threads.
  await stat(".");
  let changed = 0;
  for (const entry of readdirSync("/proc/self/task")) {
    const tid = Number(entry);
    if (tid === process.pid) continue;
    try {
      os.setPriority(tid, niceness);
      changed++;
    } catch {
      // Gone in between, or not allowed: that thread keeps its priority.
    }
  }
  return changed;
}
