import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { ITEM_FIELDS } from "../../shared/editor";

const fieldNames: readonly string[] = ITEM_FIELDS.map((field) => field.name);

/**
 * A last line of defence for the item body's fixed structure. The schema already makes the
 * three fields mandatory and isolating (so Backspace and Delete cannot merge them, and pasting
 * is fitted into a field's body); this refuses any local transaction whose result would still
 * not have exactly the fields, in order, so a bug elsewhere cannot send a broken body to the
 * server. Remote changes (from Yjs) are never refused: the editor must mirror the shared doc.
 */
export const FieldGuard = Extension.create({
  name: "fieldGuard",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("fieldGuard"),
        filterTransaction(tr) {
          if (!tr.docChanged) return true;
          const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
          if (sync?.isChangeOrigin) return true;
          const doc = tr.doc;
          if (doc.childCount !== fieldNames.length) return false;
          for (let i = 0; i < fieldNames.length; i++) {
            if (doc.child(i).type.name !== fieldNames[i]) return false;
          }
          return true;
        },
      }),
    ];
  },
});
