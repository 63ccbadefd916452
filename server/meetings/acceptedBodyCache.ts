import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { BODY_FRAGMENT } from "../../shared/docName";
import { acceptedBodyJson } from "../../shared/suggestions";

interface Entry {
  /** The body as of the last read; `undefined` once any transaction has touched the doc. */
  json: unknown;
}

const entries = new WeakMap<Y.Doc, Entry>();

/**
 * An item document's body as ProseMirror JSON, accepted text only (open suggestions are never
 * exported, published or hashed), kept until the document changes. Exports, previews and
 * publication read every item of a meeting each time; converting 60 unchanged items again is
 * milliseconds on the event loop, and garbage for its collector, per export. Any transaction on
 * the document, whoever makes it, drops the kept JSON. The JSON is frozen: it is shared by every
 * reader until then.
 */
export function acceptedBodyOf(doc: Y.Doc): unknown {
  let entry = entries.get(doc);
  if (!entry) {
    const created: Entry = { json: undefined };
    doc.on("afterTransaction", () => {
      created.json = undefined;
    });
    entries.set(doc, created);
    entry = created;
  }
  entry.json ??= deepFreeze(
    acceptedBodyJson(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT))),
  );
  return entry.json;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
