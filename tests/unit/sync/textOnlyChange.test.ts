import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { isTextOnlyChange } from "../../../server/sync/textOnlyChange";
import { itemBodySchema } from "../../../shared/editor";

function body(): Y.Doc {
  const paragraph = (value: string) => ({
    type: "paragraph",
    content: [{ type: "text", text: value }],
  });
  return prosemirrorJSONToYDoc(
    itemBodySchema(),
    {
      type: "doc",
      content: [
        { type: "baggrund", content: [paragraph("Baggrund.")] },
        { type: "indstilling", content: [paragraph("Indstilling.")] },
        { type: "sagsfremstilling", content: [paragraph("Tekst."), paragraph("Mere tekst.")] },
      ],
    },
    "default",
  );
}

function text(doc: Y.Doc, field: number, block = 0): Y.XmlText {
  return (
    (doc.getXmlFragment("default").get(field) as Y.XmlElement).get(block) as Y.XmlElement
  ).get(0) as Y.XmlText;
}

/** Applies a change made on a copy to the original, and reports what the original saw. */
function classify(change: (doc: Y.Doc) => void): boolean {
  const original = body();
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(original));
  const sv = Y.encodeStateVector(original);
  change(copy);
  let result: boolean | null = null;
  original.once("afterTransaction", (tr: Y.Transaction) => (result = isTextOnlyChange(tr)));
  Y.applyUpdate(original, Y.encodeStateAsUpdate(copy, sv));
  return result!;
}

describe("text-only changes (the schema check's fast path)", () => {
  it("recognises typing and deleting characters", () => {
    expect(classify((d) => text(d, 2).insert(3, "abc"))).toBe(true);
    expect(classify((d) => text(d, 1).delete(0, 5))).toBe(true);
  });

  it("sends everything structural to the full check", () => {
    expect(classify((d) => text(d, 2).format(0, 3, { bold: {} }))).toBe(false);
    expect(classify((d) => (d.getXmlFragment("default").get(2) as Y.XmlElement).delete(1, 1))).toBe(
      false,
    );
    expect(
      classify((d) =>
        (d.getXmlFragment("default").get(2) as Y.XmlElement).insert(0, [
          new Y.XmlElement("paragraph"),
        ]),
      ),
    ).toBe(false);
    expect(classify((d) => d.getXmlFragment("default").delete(0, 1))).toBe(false);
    expect(
      classify((d) => (d.getXmlFragment("default").get(0) as Y.XmlElement).setAttribute("x", "y")),
    ).toBe(false);
    expect(classify((d) => text(d, 2).insertEmbed(0, { image: "x" }))).toBe(false);
  });
});
