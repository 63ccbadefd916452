import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { Schema } from "@tiptap/pm/model";
import type * as Y from "yjs";
import { BODY_FRAGMENT } from "../../shared/docName";

/**
 * Checks that a document's rich-text roots are valid documents of a ProseMirror schema. The
 * conversion reads the Yjs types and never changes them (unlike the editor binding, which
 * deletes what it cannot render).
 */
export interface BodyValidator {
  /** Whether a client may write to (or create) the top-level type of this name. */
  rootAllowed(name: string): boolean;
  /** null when every root of the document is valid, else why not. */
  check(doc: Y.Doc): string | null;
}

function checkRoot(schema: Schema, doc: Y.Doc, name: string): string | null {
  try {
    // Throws when the root was first defined as another type.
    const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(name));
    schema.nodeFromJSON(json).check();
    return null;
  } catch (error) {
    return `${name}: ${(error as Error).message || "invalid content"}`;
  }
}

/** An item body: exactly one root, `default`, holding the fixed fields. */
export function createBodyValidator(schema: Schema): BodyValidator {
  return {
    rootAllowed: (name) => name === BODY_FRAGMENT,
    check: (doc) => checkRoot(schema, doc, BODY_FRAGMENT),
  };
}

const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Minutes: one root per item id, each a Beslutning (block content). */
export function createMinutesValidator(schema: Schema): BodyValidator {
  return {
    rootAllowed: (name) => ITEM_ID.test(name),
    check(doc) {
      for (const name of doc.share.keys()) {
        let fragment: Y.XmlFragment;
        try {
          fragment = doc.getXmlFragment(name);
        } catch {
          return `${name}: not an XML fragment`;
        }
        // An empty root (never written) is fine; one with content must be a valid Beslutning.
        if (fragment.length === 0) continue;
        const problem = checkRoot(schema, doc, name);
        if (problem) return problem;
      }
      return null;
    },
  };
}
