/**
 * CPU- and memory-heavy work off the main thread, so it never stalls the sync server's event
 * loop: a small pool of worker threads (piscina) running the named tasks of one module.
 *
 * Each task runs under bounds:
 * - a V8 heap limit per worker (`resourceLimits`): a task that needs more dies with its worker
 *   (`WorkerTaskError` "memory"), the server does not;
 * - a time limit: past it the worker is terminated mid-task ("timeout");
 * - a queue limit: past it a task is refused at once ("busy") instead of piling up.
 *
 * Workers start at workerEntry.mjs, which loads a TypeScript task module through tsx's API:
 * Node 20 does not carry a parent's module hooks into worker threads, and the server runs under
 * tsx (the CLI, `npm run dev:server`) or vitest (the tests), each with hooks of its own. The
 * compiled server's task module is JavaScript, loaded natively.
 */
import { Piscina } from "piscina";

export interface WorkerPoolOptions {
  /** For logs and errors, e.g. "import". */
  name: string;
  /** The TypeScript module whose named exports are the tasks. */
  module: URL;
  /** Tasks running at once; default 1. */
  maxThreads?: number;
  /** Tasks waiting beyond the running ones before new ones are refused; default 4. */
  maxQueue?: number;
  /** V8 old-generation heap per worker, in MB. */
  memoryMb: number;
  /** Longest a task may run, in ms. */
  timeoutMs: number;
  /** An idle worker is ended after this long, giving its memory back; default 30 s. */
  idleTimeoutMs?: number;
  /**
   * The workers' thread priority as a nice value (0–19, Linux; default 0): above 0 the kernel
   * prefers the main thread whenever both want a core, so background work does not delay it.
   */
  niceness?: number;
}

export type WorkerFailure = "timeout" | "memory" | "busy" | "crashed";

/** Why a task gave no result; `cause` is the underlying error, for the log. */
export class WorkerTaskError extends Error {
  override name = "WorkerTaskError";
  constructor(
    readonly kind: WorkerFailure,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

const WORKER_ENTRY = new URL("./workerEntry.mjs", import.meta.url);

export class WorkerPool {
  private readonly piscina: Piscina;
  /** Tasks running or waiting: the queue limit is counted here, see `run`. */
  private inFlight = 0;
  private readonly capacity: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.capacity = (options.maxThreads ?? 1) + (options.maxQueue ?? 4);
    this.piscina = new Piscina({
      filename: WORKER_ENTRY.href,
      workerData: { module: options.module.href, niceness: options.niceness ?? 0 },
      minThreads: 0,
      maxThreads: options.maxThreads ?? 1,
      idleTimeout: options.idleTimeoutMs ?? 30_000,
      resourceLimits: {
        maxOldGenerationSizeMb: options.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.round(options.memoryMb / 8))),
      },
      // The parent's flags (tsx's or vitest's loader) are no use in a worker; see above.
      execArgv: [],
    });
  }

  /** Runs the module's export `task` with `input`; `transfer` moves buffers instead of copying. */
  async run<T>(task: string, input: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    // Counted here, not by piscina's maxQueue: piscina keeps a task that has an abort signal (as
    // each of ours has, for its time limit) in a queue of its own that maxQueue does not bound.
    if (this.inFlight >= this.capacity) {
      throw new WorkerTaskError("busy", `${this.options.name} task ${task} refused: queue full`);
    }
    this.inFlight += 1;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    try {
      return (await this.piscina.run(
        { task, input },
        {
          signal: timeout,
          transferList: transfer,
        },
      )) as T;
    } catch (error) {
      throw this.failure(task, error, timeout.aborted);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Tasks finished since the pool started, failed ones included (for tests and metrics). */
  get completed(): number {
    return this.piscina.completed;
  }

  /** Tasks running or waiting (for tests and metrics). */
  get pending(): number {
    return this.inFlight;
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }

  private failure(task: string, error: unknown, timedOut: boolean): WorkerTaskError {
    const label = `${this.options.name} task ${task}`;
    if (timedOut)
      return new WorkerTaskError(
        "timeout",
        `${label} ran past ${this.options.timeoutMs} ms`,
        error,
      );
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === "ERR_WORKER_OUT_OF_MEMORY")
      return new WorkerTaskError("memory", `${label} ran out of memory`, error);
    return new WorkerTaskError("crashed", `${label} failed: ${message}`, error);
  }
}
