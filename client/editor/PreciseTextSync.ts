import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { applyTextSteps, chainsFrom, type StepRecord } from "./textStepsToYjs";

interface PreciseTextSyncStorage {
  /** Local transactions since the binding last wrote to Yjs. */
  pending: StepRecord[];
  /** The document Yjs holds, as far as the editor knows (null: not known). */
  synced: PmNode | null;
}

/** The part of y-tiptap's binding this patches (it has no exported type). */
interface Binding {
  type: Y.XmlFragment;
  doc: Y.Doc;
  _prosemirrorChanged: (doc: PmNode) => void;
}

/**
 * Makes the Yjs binding write local typing at the caret (see textStepsToYjs.ts for why): the
 * transactions are recorded as they are dispatched, and the binding's write step first
 * applies their text steps exactly, then compares as before. Must come after Collaboration.
 */
export const PreciseTextSync = Extension.create<Record<string, never>, PreciseTextSyncStorage>({
  name: "preciseTextSync",

  addStorage() {
    return { pending: [], synced: null };
  },

  dispatchTransaction({ transaction, next }) {
    const storage = this.storage as PreciseTextSyncStorage;
    // Rendered from Yjs (a remote change, undo, the first render): the editor shows what Yjs
    // holds.
    const fromYjs = transaction.getMeta(ySyncPluginKey) !== undefined;
    const record: StepRecord | null =
      !fromYjs && transaction.docChanged
        ? { steps: transaction.steps, docs: transaction.docs, after: transaction.doc }
        : null;
    if (fromYjs) storage.pending = [];
    else if (record) storage.pending.push(record);
    next(transaction);
    if (fromYjs && this.editor.state.doc === transaction.doc) storage.synced = transaction.doc;
    // Refused by a filter (the field guard): it never happened.
    if (record && this.editor.state.doc !== transaction.doc) {
      storage.pending = storage.pending.filter((kept) => kept !== record);
    }
  },

  addProseMirrorPlugins() {
    const storage = this.storage as PreciseTextSyncStorage;
    return [
      new Plugin({
        key: new PluginKey("preciseTextSync"),
        view(view) {
          const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)
            ?.binding;
          if (binding) {
            // y-prosemirror's own (underscored) method is where a ProseMirror change is written
            // to Yjs; wrapping it is the only way in.
            // oxlint-disable-next-line no-underscore-dangle
            const compare = binding._prosemirrorChanged.bind(binding);
            // oxlint-disable-next-line no-underscore-dangle
            binding._prosemirrorChanged = (doc: PmNode) => {
              const records = storage.pending;
              storage.pending = [];
              // One Yjs transaction, with the binding's own origin (undo tracks that).
              binding.doc.transact(() => {
                if (chainsFrom(records, storage.synced, doc)) applyTextSteps(binding.type, records);
                compare(doc);
              }, ySyncPluginKey);
              storage.synced = doc;
            };
          }
          return {};
        },
      }),
    ];
  },
});
