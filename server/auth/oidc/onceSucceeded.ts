/**
 * `make`, run once and its result kept; concurrent callers share the one run. A failure is not
 * kept, so that a provider that was down at the first login is asked again at the next.
 */
export function onceSucceeded<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
