import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documentText } from "../../../client/sync/documentText";
import { itemBodySchema } from "../../../shared/editor";

const schema = itemBodySchema();

describe("the text of a document, to copy", () => {
  it("gives an item body's fields under their headings, one line per paragraph, with line breaks and bilag markers", () => {
    const p = (...content: Parameters<typeof schema.node>[2][]) =>
      schema.node("paragraph", null, content.flat() as never);
    const body = schema.node("doc", null, [
      schema.node("baggrund", null, [
        p(schema.text("Første linje"), schema.node("hardBreak"), schema.text("anden linje")),
        p(
          schema.node("attachmentMarker", { attachmentId: "a1", label: "Notat.pdf" }),
          schema.text(" Se notatet."),
        ),
      ]),
      schema.node("indstilling", null, [
        p(schema.text("Det "), schema.text("indstilles", [schema.mark("bold")])),
      ]),
      schema.node("sagsfremstilling", null, [
        schema.node("bulletList", null, [
          schema.node("listItem", null, [p(schema.text("Punkt et"))]),
          schema.node("listItem", null, [p(schema.text("Punkt to"))]),
        ]),
      ]),
    ]);
    const doc = new Y.Doc();
    prosemirrorToYXmlFragment(body, doc.getXmlFragment("default"));
    expect(documentText(doc)).toBe(
      [
        "BAGGRUND",
        "Første linje\nanden linje",
        "./. Notat.pdf Se notatet.",
        "",
        "INDSTILLING",
        "Det indstilles",
        "",
        "SAGSFREMSTILLING",
        "Punkt et",
        "Punkt to",
      ].join("\n"),
    );
  });
});
