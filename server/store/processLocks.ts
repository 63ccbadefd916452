import type { LockStore } from "./Store";

/** Named locks within one process: enough for SQLite, which serves one instance only. */
export function processLocks(): LockStore {
  const tails = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  const withLock = <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const next = previous.then(
      () => hold(name, run),
      () => hold(name, run),
    );
    const settled = next.catch(() => undefined);
    tails.set(name, settled);
    void settled.then(() => {
      if (tails.get(name) === settled) tails.delete(name);
    });
    return next;
  };
  const hold = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    held.add(name);
    try {
      return await run();
    } finally {
      held.delete(name);
    }
  };
  return {
    withLock,
    async tryWithLock(name, run) {
      if (held.has(name) || tails.has(name)) return null;
      return withLock(name, run);
    },
  };
}
