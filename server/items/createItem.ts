import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FRAGMENT, formatDocName } from "../../shared/docName";
import { itemBodySchema } from "../../shared/editor";
import { COMMENTS_DOC_ROOT } from "../../shared/model";
import type { Store } from "../store";

/** ProseMirror JSON of an item body (doc > baggrund, indstilling, sagsfremstilling). */
export type ItemBodyJson = Record<string, unknown>;

function paragraph(text: string) {
  return text ? { type: "paragraph", content: [{ type: "text", text }] } : { type: "paragraph" };
}

/** A body with the three fields; Indstilling may start with a standard sentence. */
export function itemBodyWith(indstilling = ""): ItemBodyJson {
  return {
    type: "doc",
    content: [
      { type: "baggrund", content: [paragraph("")] },
      { type: "indstilling", content: [paragraph(indstilling)] },
      { type: "sagsfremstilling", content: [paragraph("")] },
    ],
  };
}

/**
 * Creates an item's body document and registers the item with its meeting. The body's
 * structure is written by the server, once, so that no two clients ever create it concurrently
 * (which would duplicate the fields).
 */
export async function createItemDocument(
  store: Store,
  itemId: string,
  meetingId: string,
  body: ItemBodyJson = itemBodyWith(),
): Promise<void> {
  const schema = itemBodySchema();
  schema.nodeFromJSON(body).check();
  const doc = prosemirrorJSONToYDoc(schema, body, BODY_FRAGMENT);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await store.docs.createDoc(formatDocName("item", itemId), state);
  // The item's comment threads live in their own document, read by everyone who sees the item.
  const comments = new Y.Doc();
  comments.getMap(COMMENTS_DOC_ROOT);
  await store.docs.createDoc(formatDocName("comments", itemId), Y.encodeStateAsUpdate(comments));
  comments.destroy();
  await store.meetings.addItem(itemId, meetingId, Date.now());
}
