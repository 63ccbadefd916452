/**
 * Who wrote which text of an item body: every live character belongs to the Yjs item that
 * inserted it, whose client id the server mapped to the signed-in writer when it accepted the
 * update (`doc_clients`). Text the server wrote itself (import, template) has no writer.
 */
import * as Y from "yjs";
import { BODY_FRAGMENT } from "../../shared/docName";
import { ITEM_FIELDS } from "../../shared/editor";
import type { ItemFieldName } from "../../shared/editor";

export interface AttributedRun {
  text: string;
  userId: string | null;
}

export function attribution(
  doc: Y.Doc,
  writers: Map<number, string>,
): Record<ItemFieldName, AttributedRun[]> {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  const result = {} as Record<ItemFieldName, AttributedRun[]>;
  ITEM_FIELDS.forEach((field, index) => {
    const runs: AttributedRun[] = [];
    const element = fragment.get(index);
    if (element instanceof Y.XmlElement) collect(element, writers, runs);
    result[field.name] = runs;
  });
  return result;
}

function collect(
  node: Y.XmlElement | Y.XmlText,
  writers: Map<number, string>,
  runs: AttributedRun[],
): void {
  if (node instanceof Y.XmlText) {
    // Walk the text's items: each keeps the id (client, clock) of whoever inserted it.
    // eslint-disable-next-line no-underscore-dangle -- Yjs keeps a text's items in `_start`.
    let item = (node as unknown as { _start: Y.Item | null })._start;
    while (item) {
      if (!item.deleted && item.content instanceof Y.ContentString) {
        const userId = writers.get(item.id.client) ?? null;
        const last = runs[runs.length - 1];
        if (last && last.userId === userId) last.text += item.content.str;
        else runs.push({ text: item.content.str, userId });
      }
      item = item.right;
    }
    return;
  }
  const children = node.toArray();
  children.forEach((child, i) => {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) collect(child, writers, runs);
    if (i < children.length - 1 && child instanceof Y.XmlElement) {
      const last = runs[runs.length - 1];
      if (last) last.text += "\n";
    }
  });
}
