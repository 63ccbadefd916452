import type { Editor } from "@tiptap/core";
import { Extension } from "@tiptap/core";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { SuggestingPerson } from "./suggestTransaction";
import { toSuggestion } from "./suggestTransaction";

export interface SuggestChangesStorage {
  /** Foreslå ændringer: local edits become suggestions. */
  enabled: boolean;
  person: SuggestingPerson | null;
  /** Told when an edit was dropped because it cannot be suggested (formatting, structure). */
  onRefused: (() => void) | null;
}

function newId(): string {
  return `s-${crypto.randomUUID()}`;
}

/**
 * The editor side of suggest mode. Runs first among the dispatch middlewares (high priority),
 * so the Yjs binding's helpers record the rewritten transaction, not the original. Changes that
 * come from Yjs (other people, undo) are never rewritten.
 */
export const SuggestChanges = Extension.create<Record<string, never>, SuggestChangesStorage>({
  name: "suggestChanges",
  priority: 1000,

  addStorage() {
    return { enabled: false, person: null, onRefused: null };
  },

  dispatchTransaction({ transaction, next }) {
    const storage = this.storage as SuggestChangesStorage;
    const fromYjs = transaction.getMeta(ySyncPluginKey) !== undefined;
    if (!storage.enabled || !storage.person || fromYjs || !transaction.docChanged) {
      next(transaction);
      return;
    }
    const rewritten = toSuggestion(transaction, this.editor.state, {
      person: storage.person,
      now: () => new Date().toISOString(),
      newId,
    });
    if (rewritten) next(rewritten);
    else storage.onRefused?.();
  },
});

/** Turns suggest mode on or off for an editor with this extension, and says who suggests. */
export function setSuggestMode(editor: Editor, mode: SuggestChangesStorage): void {
  const storage = (editor.storage as unknown as Record<string, SuggestChangesStorage | undefined>)[
    "suggestChanges"
  ];
  if (storage) Object.assign(storage, mode);
}
