import { useCallback, useEffect, useState } from "react";
import { formatDocName } from "../../shared/docName";
import { ItemSyncSession, type Refusal } from "../sync/ItemSyncSession";
import { wsOrigin } from "../sync/wsOrigin";

export interface ItemSessionState {
  /** The open session; null while none is open (also briefly while one replaces another). */
  session: ItemSyncSession | null;
  /** Text the server refused, kept for the person to copy until they dismiss it. */
  refusal: Refusal | null;
  dismissRefusal: () => void;
}

/**
 * The sync session of one item body, for as long as the component lives (null `itemId`: none).
 * When the server refuses the session's edits, the session deletes its local copy and this
 * opens a new one from the server's text; the refused text stays here for the person to copy.
 */
export function useItemSession(itemId: string | null): ItemSessionState {
  const [session, setSession] = useState<ItemSyncSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  useEffect(() => {
    if (itemId === null) return;
    const created = new ItemSyncSession({
      docName: formatDocName("item", itemId),
      wsOrigin: wsOrigin(),
    });
    let replaced = false;
    const unsubscribe = created.subscribe(() => {
      const refused = created.getSnapshot().refusal;
      if (refused === null || replaced) return;
      replaced = true;
      setRefusal(refused);
      // The next session must not find the refused edits in the local copy.
      void created.discardLocalCopy().finally(() => setGeneration((n) => n + 1));
    });
    // The session is an external system (sockets, IndexedDB) whose lifetime is this effect's;
    // it is created here, not during render, so StrictMode's double effects cannot leak one.
    // oxlint-disable-next-line react/set-state-in-effect
    setSession(created);
    return () => {
      unsubscribe();
      created.destroy();
      setSession(null);
    };
    // A new generation (after a refusal) opens a new session for the same item.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
  }, [itemId, generation]);

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return { session, refusal, dismissRefusal };
}
