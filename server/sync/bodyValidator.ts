import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { Schema } from "@tiptap/pm/model";
import type * as Y from "yjs";
import { BODY_FRAGMENT } from "../../shared/docName";

/**
 * Checks that a document's rich-text body is a valid document of a ProseMirror schema. The
 * conversion reads the Yjs types and never changes them (unlike the editor binding, which
 * deletes what it cannot render).
 */
export interface BodyValidator {
  /** Top-level Yjs types a client may write to. */
  readonly allowedRoots: ReadonlySet<string>;
  /** null when valid, else why not. */
  check(doc: Y.Doc): string | null;
}

export function createBodyValidator(schema: Schema): BodyValidator {
  return {
    allowedRoots: new Set([BODY_FRAGMENT]),
    check(doc) {
      try {
        // Throws when the root was first defined as another type.
        const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT));
        schema.nodeFromJSON(json).check();
        return null;
      } catch (error) {
        return (error as Error).message || "invalid body";
      }
    },
  };
}
