import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { itemBodySchema } from "../../../shared/editor";

/**
 * Comment anchors are Yjs relative positions into the item body's text. They must stay on the
 * same words while others type before them, and survive the deletion of those words.
 */
function itemDoc(): Y.Doc {
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  return prosemirrorJSONToYDoc(
    itemBodySchema(),
    {
      type: "doc",
      content: [
        { type: "baggrund", content: [paragraph("Baggrunden for sagen.")] },
        { type: "indstilling", content: [paragraph("Det indstilles, at KKR godkender aftalen.")] },
        { type: "sagsfremstilling", content: [paragraph("Tekst.")] },
      ],
    },
    "default",
  );
}

function indstillingText(doc: Y.Doc): Y.XmlText {
  const field = doc.getXmlFragment("default").get(1) as Y.XmlElement;
  return (field.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe("comment anchors", () => {
  it("stay on the same words after concurrent inserts before them", () => {
    const a = itemDoc();
    const b = new Y.Doc();
    sync(b, a);
    const text = indstillingText(a);
    const word = "godkender";
    const start = text.toString().indexOf(word);
    const anchor = {
      start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start)),
      end: Y.encodeRelativePosition(
        Y.createRelativePositionFromTypeIndex(text, start + word.length),
      ),
    };
    // Two people insert before the anchor at the same time; then they sync.
    indstillingText(a).insert(0, "Efter drøftelse: ");
    indstillingText(b).insert(4, "fortsat ");
    sync(a, b);
    for (const doc of [a, b]) {
      const from = Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(anchor.start),
        doc,
      )!;
      const to = Y.createAbsolutePositionFromRelativePosition(
        Y.decodeRelativePosition(anchor.end),
        doc,
      )!;
      expect(indstillingText(doc).toString().slice(from.index, to.index)).toBe(word);
    }
  });

  it("collapse (orphan) when the commented words are deleted, without throwing", () => {
    const doc = itemDoc();
    const text = indstillingText(doc);
    const start = text.toString().indexOf("godkender");
    const startPos = Y.createRelativePositionFromTypeIndex(text, start);
    const endPos = Y.createRelativePositionFromTypeIndex(text, start + "godkender".length);
    text.delete(start, "godkender aftalen".length);
    const from = Y.createAbsolutePositionFromRelativePosition(startPos, doc)!;
    const to = Y.createAbsolutePositionFromRelativePosition(endPos, doc)!;
    expect(to.index - from.index).toBe(0);
  });
});
