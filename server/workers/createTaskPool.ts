import { BACKGROUND_NICENESS } from "./threadPriority";
import { WorkerPool } from "./WorkerPool";

/** Bounds of the server's task pool (docs/SECURITY.md lists them). */
export interface TaskPoolLimits {
  /** V8 heap per worker, MB. */
  memoryMb: number;
  /** Longest one task may run, ms. */
  timeoutMs: number;
  /** Tasks running at once. */
  maxThreads: number;
  /** Tasks waiting beyond those before new ones are refused. */
  maxQueue: number;
  /** The workers' nice value: they yield the CPU to the sync server's thread. */
  niceness: number;
}

/**
 * One worker at a time by default: imports and exports are occasional, and on a two-core server
 * a second busy worker would compete with the sync server for the other core. Sixteen waiting:
 * a publication alone queues three renderings, and a meeting's members may all export at once
 * before it; each waits in line (within the time limit) rather than being refused. Nice 19, the
 * lowest priority: when the worker and the sync server's thread both want a core, the sync
 * server preempts it at once, so a keystroke does not wait behind a PDF's layout; the worker
 * still has every cycle the event loop leaves (see also threadPriority.ts).
 */
export const TASK_POOL_DEFAULTS: TaskPoolLimits = {
  memoryMb: 384,
  timeoutMs: 60_000,
  maxThreads: 1,
  maxQueue: 16,
  niceness: BACKGROUND_NICENESS,
};

/**
 * The task module beside this one, in this module's own language: `tasks.ts` when the server runs
 * from its TypeScript sources (tsx, tests), `tasks.js` when it runs compiled from `dist/server`,
 * where esbuild makes `tasks.js` an entry point of its own (esbuild.config.mjs).
 */
const TASKS_MODULE = new URL(
  import.meta.url.endsWith(".ts") ? "./tasks.ts" : "./tasks.js",
  import.meta.url,
);

/** The pool that runs server/workers/tasks.ts: imports and exports. */
export function createTaskPool(limits: Partial<TaskPoolLimits> = {}): WorkerPool {
  const { memoryMb, timeoutMs, maxThreads, maxQueue, niceness } = {
    ...TASK_POOL_DEFAULTS,
    ...limits,
  };
  return new WorkerPool({
    name: "tasks",
    module: TASKS_MODULE,
    memoryMb,
    timeoutMs,
    maxThreads,
    maxQueue,
    niceness,
  });
}
