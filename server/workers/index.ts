export { WorkerPool, WorkerTaskError } from "./WorkerPool";
export type { WorkerFailure, WorkerPoolOptions } from "./WorkerPool";
export { createTaskPool, TASK_POOL_DEFAULTS } from "./createTaskPool";
export type { TaskPoolLimits } from "./createTaskPool";
export type { ImportAgendaInput } from "./tasks";
export { deprioritizeHelperThreads } from "./threadPriority";
