import { describe, expect, it } from "vitest";
import { redline } from "../../../server/review/redline";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const body = (baggrund: string[], indstilling: string[], sagsfremstilling: string[]) => ({
  type: "doc",
  content: [
    { type: "baggrund", content: baggrund.map(paragraph) },
    { type: "indstilling", content: indstilling.map(paragraph) },
    { type: "sagsfremstilling", content: sagsfremstilling.map(paragraph) },
  ],
});

describe("redline", () => {
  it("marks exactly the changed words, field by field", () => {
    const before = body(
      ["Regionen har fremlagt et udkast."],
      ["Det indstilles, at KKR Syddanmark godkender rammeaftalen."],
      ["Uændret tekst."],
    );
    const after = body(
      ["Regionen har fremlagt et revideret udkast."],
      ["Det indstilles, at KKR Syddanmark drøfter rammeaftalen."],
      ["Uændret tekst."],
    );
    const result = redline(before, after);
    expect(result.baggrund.changed).toBe(true);
    expect(
      result.baggrund.segments.filter((s) => s.kind === "insert").map((s) => s.text.trim()),
    ).toEqual(["revideret"]);
    expect(result.baggrund.segments.filter((s) => s.kind === "delete")).toEqual([]);
    expect(
      result.indstilling.segments.filter((s) => s.kind !== "equal").map((s) => [s.kind, s.text]),
    ).toEqual([
      ["delete", "godkender"],
      ["insert", "drøfter"],
    ]);
    expect(result.sagsfremstilling).toEqual({
      changed: false,
      segments: [{ kind: "equal", text: "Uændret tekst." }],
    });
    // Reading the equal and inserted text gives the new field; equal and deleted gives the old.
    const read = (kinds: string[]) =>
      result.indstilling.segments
        .filter((s) => kinds.includes(s.kind))
        .map((s) => s.text)
        .join("");
    expect(read(["equal", "insert"])).toBe(
      "Det indstilles, at KKR Syddanmark drøfter rammeaftalen.",
    );
    expect(read(["equal", "delete"])).toBe(
      "Det indstilles, at KKR Syddanmark godkender rammeaftalen.",
    );
  });

  it("shows an added paragraph as an insertion", () => {
    const result = redline(
      body(["A."], ["B."], ["C."]),
      body(["A."], ["B."], ["C.", "Nyt afsnit."]),
    );
    const inserted = result.sagsfremstilling.segments.filter((s) => s.kind === "insert");
    expect(inserted.map((s) => s.text.trim())).toEqual(["Nyt afsnit."]);
    expect(result.baggrund.changed).toBe(false);
  });
});
