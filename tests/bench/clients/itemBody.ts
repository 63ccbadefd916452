/**
 * Item bodies as the benchmarks write them: the same Yjs shape the editor produces (TipTap's
 * Collaboration maps each ProseMirror node to a `Y.XmlElement` named after it, text to
 * `Y.XmlText`), so our server's schema check accepts every edit and the peers store the same
 * bytes. Typing happens in paragraphs of the Sagsfremstilling field.
 */
import * as Y from "yjs";
import { BODY_FRAGMENT } from "../../../shared/docName";
import { ITEM_FIELDS } from "../../../shared/editor/fields";
import { waitFor } from "../lib/waitFor";

const TYPING_FIELD = "sagsfremstilling";

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  if (text.length > 0) element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function typingField(doc: Y.Doc): Y.XmlElement {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === TYPING_FIELD) return child;
  }
  throw new Error(`document ${doc.guid} has no ${TYPING_FIELD} field`);
}

/** Writes the empty item body (three fields, one empty paragraph each) into an empty doc. */
export function ensureItemBody(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  if (fragment.length > 0) return;
  doc.transact(() => {
    fragment.insert(
      0,
      ITEM_FIELDS.map((field) => {
        const element = new Y.XmlElement(field.name);
        element.insert(0, [paragraph("")]);
        return element;
      }),
    );
  });
}

/**
 * Makes the typing field hold at least `count` paragraphs with text, and returns them. Each
 * co-writing editor types into its own, as people do when they split a text between them.
 */
export function ensureParagraphs(doc: Y.Doc, count: number, text = "¶"): Y.XmlText[] {
  ensureItemBody(doc);
  const field = typingField(doc);
  doc.transact(() => {
    const missing = count - field.length;
    if (missing > 0) {
      field.insert(
        field.length,
        Array.from({ length: missing }, () => paragraph(text)),
      );
    }
    for (const child of field.toArray()) {
      if (child instanceof Y.XmlElement && child.length === 0) child.insert(0, [new Y.XmlText()]);
    }
  });
  return paragraphTexts(doc).slice(0, count);
}

/** The text of every paragraph of the typing field, in order (none before the body arrived). */
export function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const field = doc
    .getXmlFragment(BODY_FRAGMENT)
    .toArray()
    .find((child) => child instanceof Y.XmlElement && child.nodeName === TYPING_FIELD);
  if (!(field instanceof Y.XmlElement)) return texts;
  for (const child of field.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const first = child.get(0);
    if (first instanceof Y.XmlText) texts.push(first);
  }
  return texts;
}

/** Characters in the typing field (all paragraphs). */
export function typedLength(doc: Y.Doc): number {
  return paragraphTexts(doc).reduce((sum, text) => sum + text.length, 0);
}

/** Appends one paragraph per text to the typing field, in one update. */
export function appendParagraphs(doc: Y.Doc, texts: string[]): void {
  ensureItemBody(doc);
  const field = typingField(doc);
  doc.transact(() => field.insert(field.length, texts.map(paragraph)));
}

/** Appends `paragraphs` paragraphs of `chars` characters each to the typing field, in one update. */
export function appendBulk(doc: Y.Doc, paragraphs: number, chars: number): void {
  ensureItemBody(doc);
  const field = typingField(doc);
  const line = "Lorem ipsum dolor sit amet, kommunalbestyrelsen godkender indstillingen. ";
  const text = line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
  doc.transact(() => {
    field.insert(
      field.length,
      Array.from({ length: paragraphs }, () => paragraph(text)),
    );
  });
}

/**
 * Waits until the typing field holds `count` paragraphs. Needed because the reference server
 * with LevelDB answers a new connection's sync before it has read the document from disk
 * (`bindState` is not awaited), so the body can arrive as a later update instead of in step 2.
 */
export async function paragraphsArrived(doc: Y.Doc, count: number): Promise<Y.XmlText[]> {
  if (!(await waitFor(() => paragraphTexts(doc).length >= count, 10_000))) {
    throw new Error(`document body with ${count} paragraphs did not arrive within 10 s`);
  }
  return paragraphTexts(doc);
}
