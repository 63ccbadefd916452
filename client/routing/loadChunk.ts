/** A chunk of the app (a page, the editor) that could not be fetched. */
export class ChunkLoadError extends Error {
  override name = "ChunkLoadError";
}

/**
 * Marks a failed dynamic import as a failure to fetch code, so that `LazyBoundary` can tell it
 * from a page that failed while rendering: `lazy(async () => (await loadChunk(import("…"))))`.
 */
export async function loadChunk<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    throw new ChunkLoadError("a chunk of the app could not be loaded", { cause: error });
  }
}
