import type { Editor } from "@tiptap/core";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { OpenSuggestion } from "../../shared/suggestions";
import { listSuggestions } from "../../shared/suggestions";

const NONE: OpenSuggestion[] = [];

/** The open suggestions in the editor's text, kept current as anyone types (live from Yjs). */
export function useOpenSuggestions(editor: Editor | null): OpenSuggestion[] {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!editor) return () => {};
      editor.on("update", notify);
      return () => {
        editor.off("update", notify);
      };
    },
    [editor],
  );
  // The document node is replaced on every change and kept otherwise: a stable snapshot.
  const doc = useSyncExternalStore(subscribe, () => editor?.state.doc ?? null);
  return useMemo(() => (doc ? listSuggestions(doc) : NONE), [doc]);
}
