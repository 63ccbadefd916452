import { describe, expect, it } from "vitest";
import type { SuggestionRefusal } from "../../../shared/suggestions";
import { checkSuggestion } from "../../../shared/suggestions";
import type { Run } from "./suggestionDocs";
import { ANNE, BO, body } from "./suggestionDocs";

const BASE: Run[][] = [["Kommunen afsætter 2 mio. kr. i 2026."]];

/** Anne's change from `before` to `after`, and what the check must say. */
const CASES: { name: string; before: Run[][]; after: Run[][]; refused?: SuggestionRefusal }[] = [
  // Accepted
  { name: "no change", before: BASE, after: BASE },
  {
    name: "inserting text marked as her insertion",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "op til ", ins: ANNE.id }, "2 mio. kr. i 2026."]],
  },
  {
    name: "marking existing text with her deletion mark",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "2 mio. kr.", del: ANNE.id }, " i 2026."]],
  },
  {
    name: "a replacement: deletion and insertion sharing an id",
    before: BASE,
    after: [
      [
        "Kommunen afsætter ",
        { text: "2", del: { id: "r1" } },
        { text: "3", ins: { id: "r1" } },
        " mio. kr. i 2026.",
      ],
    ],
  },
  {
    name: "withdrawing her own insertion",
    before: [["Kommunen ", { text: "gerne ", ins: ANNE.id }, "afsætter 2 mio. kr. i 2026."]],
    after: BASE,
  },
  {
    name: "withdrawing her own deletion",
    before: [["Kommunen afsætter ", { text: "2 mio. kr.", del: ANNE.id }, " i 2026."]],
    after: BASE,
  },
  {
    name: "inserting next to someone else's suggestion, which stays as it was",
    before: [["Kommunen ", { text: "gerne ", ins: BO.id }, "afsætter 2 mio. kr. i 2026."]],
    after: [
      [
        "Kommunen ",
        { text: "gerne ", ins: BO.id },
        { text: "straks ", ins: ANNE.id },
        "afsætter 2 mio. kr. i 2026.",
      ],
    ],
  },
  {
    name: "inserted text may carry formatting besides her mark",
    before: BASE,
    after: [
      ["Kommunen ", { text: "ikke ", ins: ANNE.id, bold: true }, "afsætter 2 mio. kr. i 2026."],
    ],
  },
  {
    name: "her earlier suggestion made under her former name stays",
    before: [
      [
        "Kommunen ",
        { text: "gerne ", ins: { authorName: "Anne Hansen", id: "old" } },
        "afsætter 2 mio. kr. i 2026.",
      ],
    ],
    after: [
      [
        "Kommunen ",
        { text: "gerne ", ins: { authorName: "Anne Hansen", id: "old" } },
        "afsætter ",
        { text: "kun ", ins: ANNE.id },
        "2 mio. kr. i 2026.",
      ],
    ],
  },
  // Refused
  {
    name: "removing text",
    before: BASE,
    after: [["Kommunen afsætter i 2026."]],
    refused: "removes_content",
  },
  {
    name: "adding unmarked text",
    before: BASE,
    after: [["Kommunen afsætter kun 2 mio. kr. i 2026."]],
    refused: "unmarked_insertion",
  },
  {
    name: "inserting under someone else's name (forged insertion mark)",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "kun ", ins: BO.id }, "2 mio. kr. i 2026."]],
    refused: "unmarked_insertion",
  },
  {
    name: "marking text deleted in someone else's name",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "2 mio. kr.", del: BO.id }, " i 2026."]],
    refused: "changes_content",
  },
  {
    name: "changing the author of someone else's insertion to herself",
    before: [
      [
        "Kommunen ",
        { text: "gerne ", ins: { authorId: BO.id, id: "b1" } },
        "afsætter 2 mio. kr. i 2026.",
      ],
    ],
    after: [
      [
        "Kommunen ",
        { text: "gerne ", ins: { authorId: ANNE.id, id: "b1" } },
        "afsætter 2 mio. kr. i 2026.",
      ],
    ],
    refused: "removes_content",
  },
  {
    name: "changing the author of her own deletion to someone else",
    before: [["Kommunen afsætter ", { text: "2 mio. kr.", del: ANNE.id }, " i 2026."]],
    after: [["Kommunen afsætter ", { text: "2 mio. kr.", del: BO.id }, " i 2026."]],
    refused: "changes_content",
  },
  {
    name: "withdrawing someone else's insertion",
    before: [["Kommunen ", { text: "gerne ", ins: BO.id }, "afsætter 2 mio. kr. i 2026."]],
    after: BASE,
    refused: "removes_content",
  },
  {
    name: "rejecting someone else's deletion (removing their mark)",
    before: [["Kommunen afsætter ", { text: "2 mio. kr.", del: BO.id }, " i 2026."]],
    after: BASE,
    refused: "changes_content",
  },
  {
    name: "editing inside someone else's insertion",
    before: [["Kommunen ", { text: "gerne ", ins: BO.id }, "afsætter 2 mio. kr. i 2026."]],
    after: [["Kommunen ", { text: "gerne", ins: BO.id }, "afsætter 2 mio. kr. i 2026."]],
    refused: "removes_content",
  },
  {
    name: "claiming existing text as her insertion",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "2 mio. kr.", ins: ANNE.id }, " i 2026."]],
    refused: "removes_content",
  },
  {
    name: "formatting existing text",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "2 mio. kr.", bold: true }, " i 2026."]],
    refused: "changes_content",
  },
  {
    name: "splitting a paragraph",
    before: BASE,
    after: [["Kommunen afsætter "], ["2 mio. kr. i 2026."]],
    refused: "changes_structure",
  },
  {
    name: "adding a paragraph, even one marked as her insertion",
    before: BASE,
    after: [...BASE, [{ text: "Ny tekst.", ins: ANNE.id }]],
    refused: "changes_structure",
  },
  {
    name: "her mark with another person's name",
    before: BASE,
    after: [
      [
        "Kommunen afsætter ",
        { text: "kun ", ins: { authorName: "Bo Formand" } },
        "2 mio. kr. i 2026.",
      ],
    ],
    refused: "bad_mark",
  },
  {
    name: "her mark without a time",
    before: BASE,
    after: [["Kommunen afsætter ", { text: "kun ", ins: { time: "i går" } }, "2 mio. kr. i 2026."]],
    refused: "bad_mark",
  },
  {
    name: "her suggestion reusing the id of someone else's (accepting theirs would take hers)",
    before: [
      [
        "Kommunen ",
        { text: "gerne ", ins: { authorId: BO.id, id: "b1" } },
        "afsætter 2 mio. kr. i 2026.",
      ],
    ],
    after: [
      [
        "Kommunen ",
        { text: "gerne ", ins: { authorId: BO.id, id: "b1" } },
        "afsætter ",
        { text: "kun ", ins: { id: "b1" } },
        "2 mio. kr. i 2026.",
      ],
    ],
    refused: "bad_mark",
  },
];

describe("checkSuggestion: what a suggest-only person may change", () => {
  for (const { name, before, after, refused } of CASES) {
    it(`${refused ? "refuses" : "accepts"} ${name}`, () => {
      const result = checkSuggestion(body(...before), body(...after), ANNE);
      expect(result).toEqual(refused ? { ok: false, reason: refused } : { ok: true });
    });
  }

  it("checks other fields too: a change to Baggrund is refused", () => {
    const before = body(...BASE);
    const json = before.toJSON() as { content: { content: { content: { text: string }[] }[] }[] };
    json.content[0]!.content[0]!.content[0]!.text = "Ændret baggrund.";
    const after = before.type.schema.nodeFromJSON(json);
    expect(checkSuggestion(before, after, ANNE.id).ok).toBe(false);
  });
});
