import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";

/**
 * The editor's first document, taken from what the Y.Doc already holds (a reload, or a
 * document synced before the editor mounts). y-tiptap replaces the editor's first document
 * with the fragment's content on mount and keeps the old caret position by number: from an
 * empty paragraph that is position 1, which lies inside a list or table when the text starts
 * with one — ProseMirror then warns of a selection "not pointing into a node with inline
 * content" and the caret is briefly invalid. Starting from the same content, the caret is at
 * a valid start position in both documents. An empty fragment gives the schema's default.
 */
export function initialContentFromYjs(fragment: Y.XmlFragment): JSONContent | undefined {
  if (fragment.length === 0) return undefined;
  return yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
}
