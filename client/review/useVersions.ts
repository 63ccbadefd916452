import { useCallback, useEffect, useRef, useState } from "react";
import { isNetworkError, isSignedOut } from "../api/apiFetch";
import { fetchVersions, type ItemVersion } from "../api/versionsApi";

export type VersionsLoad =
  { status: "loading" } | { status: "loaded"; versions: ItemVersion[] } | { status: "failed" };

/**
 * The item's versions, oldest first, fetched again whenever `changeKey` changes (a workflow
 * step records one) or `reload` is called (a named version, a restore).
 */
export function useVersions(
  itemId: string,
  changeKey: unknown,
): { load: VersionsLoad; reload: () => void } {
  const [load, setLoad] = useState<VersionsLoad>({ status: "loading" });
  const request = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    fetchVersions(itemId, controller.signal).then(
      (versions) =>
        setLoad({
          status: "loaded",
          versions: [...versions].sort((a, b) => a.createdAt - b.createdAt),
        }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // Signed out meanwhile: the page's own session check sends the person to the login.
        if (!isNetworkError(error) && !isSignedOut(error))
          console.error("loading versions failed", error);
        setLoad({ status: "failed" });
      },
    );
  }, [itemId]);

  // Also when `changeKey` changes: a workflow step has recorded a version.
  useEffect(() => {
    reload();
    return () => request.current?.abort();
    // oxlint-disable-next-line react/exhaustive-effect-dependencies -- changeKey triggers the reload
  }, [reload, changeKey]);

  return { load, reload };
}
