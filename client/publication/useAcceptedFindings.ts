import { useCallback, useState } from "react";

/**
 * The findings the secretariat has accepted on this tab, per meeting and kind. Kept in
 * sessionStorage so that going to fix another finding in the text ("Ret i teksten") and coming
 * back does not forget them. They take effect (and are audited) only when publishing.
 */
export function useAcceptedFindings(
  meetingId: string,
  kind: string,
): [ReadonlySet<string>, (key: string, accepted: boolean) => void] {
  const storageKey = `dagsorden:accepted-findings:${meetingId}:${kind}`;
  const [state, setState] = useState(() => ({ storageKey, keys: read(storageKey) }));
  // Another meeting or kind: start from what this tab remembers for it.
  const current = state.storageKey === storageKey ? state : { storageKey, keys: read(storageKey) };
  if (current !== state) setState(current);

  const change = useCallback((key: string, accepted: boolean) => {
    setState((previous) => {
      const keys = new Set(previous.keys);
      if (accepted) keys.add(key);
      else keys.delete(key);
      write(previous.storageKey, keys);
      return { storageKey: previous.storageKey, keys };
    });
  }, []);
  return [current.keys, change];
}

function read(storageKey: string): ReadonlySet<string> {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? "[]");
    return new Set(Array.isArray(stored) ? stored.filter((k) => typeof k === "string") : []);
  } catch {
    return new Set();
  }
}

function write(storageKey: string, keys: ReadonlySet<string>): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify([...keys]));
  } catch (error) {
    // Private browsing or a full store: acceptances then last as long as the page.
    console.warn("remembering accepted findings failed", error);
  }
}
