import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { itemBodyWith } from "../../../server/items/createItem";
import { acceptedBodyOf } from "../../../server/meetings/acceptedBodyCache";
import { BODY_FRAGMENT } from "../../../shared/docName";
import { itemBodySchema } from "../../../shared/editor";

function itemBody(text: string): Y.Doc {
  return prosemirrorJSONToYDoc(itemBodySchema(), itemBodyWith(text), BODY_FRAGMENT);
}

/** The first paragraph of the indstilling field. */
function indstillingText(doc: Y.Doc): Y.XmlText {
  const field = doc.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement;
  return (field.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** The text of the indstilling field in a body's JSON. */
function indstillingOf(json: unknown): string {
  const field = (json as { content: { content: { content?: { text: string }[] }[] }[] })
    .content[1]!;
  return (field.content[0]!.content ?? []).map((run) => run.text).join("");
}

describe("acceptedBodyOf", () => {
  it("gives the same JSON while the document is unchanged", () => {
    const doc = itemBody("Godkendes.");
    const first = acceptedBodyOf(doc);
    expect(indstillingOf(first)).toBe("Godkendes.");
    expect(acceptedBodyOf(doc)).toBe(first);
  });

  it("reads the document again after an insertion, a deletion and a format change", () => {
    const doc = itemBody("Godkendes.");
    const before = acceptedBodyOf(doc);

    indstillingText(doc).insert(0, "Det indstilles, at planen ");
    const inserted = acceptedBodyOf(doc);
    expect(inserted).not.toBe(before);
    expect(indstillingOf(inserted)).toBe("Det indstilles, at planen Godkendes.");

    // A deletion adds no new state to the state vector: the cache must see it anyway.
    indstillingText(doc).delete(0, 4);
    expect(indstillingOf(acceptedBodyOf(doc))).toBe("indstilles, at planen Godkendes.");

    const unformatted = acceptedBodyOf(doc);
    indstillingText(doc).format(0, 4, { bold: {} });
    expect(acceptedBodyOf(doc)).not.toBe(unformatted);
  });

  it("is frozen, so no reader can change what the next one gets", () => {
    const doc = itemBody("Godkendes.");
    const json = acceptedBodyOf(doc) as { content: unknown[] };
    expect(() => json.content.push({ type: "baggrund" })).toThrow(TypeError);
    expect(indstillingOf(acceptedBodyOf(doc))).toBe("Godkendes.");
  });
});
