import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FRAGMENT, formatDocName } from "../../shared/docName";
import { itemBodySchema } from "../../shared/editor";
import type { ItemHeader, Store } from "../store";

/** ProseMirror JSON of an item body (doc > baggrund, indstilling, sagsfremstilling). */
export type ItemBodyJson = Record<string, unknown>;

/** An empty body: the three fields, each with one empty paragraph. */
export function emptyItemBody(): ItemBodyJson {
  return itemBodySchema().topNodeType.createAndFill()!.toJSON() as ItemBodyJson;
}

/**
 * Creates an item: its header row and its body document. The body's structure is written by
 * the server, once, so that no two clients ever create it concurrently (which would duplicate
 * the fields).
 */
export async function createItem(
  store: Store,
  header: ItemHeader,
  body: ItemBodyJson = emptyItemBody(),
): Promise<void> {
  const schema = itemBodySchema();
  schema.nodeFromJSON(body).check();
  const doc = prosemirrorJSONToYDoc(schema, body, BODY_FRAGMENT);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await store.docs.createDoc(formatDocName("item", header.id), state);
  await store.items.createItem(header);
}
