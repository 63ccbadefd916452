import { describe, expect, it } from "vitest";
import { acceptedBody, decideSuggestions, listSuggestions } from "../../../shared/suggestions";
import { ANNE, BO, body, text } from "./suggestionDocs";

const DOC = body(
  [
    "Kommunen afsætter ",
    { text: "2", del: { id: "r1" } },
    { text: "3", ins: { id: "r1" } },
    " mio. kr. ",
    { text: "straks ", ins: { id: "a2", authorId: BO.id } },
    "i 2026.",
  ],
  ["Beløbet ", { text: "kan ", del: { id: "d3" } }, "indgå i budgettet."],
);

describe("accepting and rejecting suggestions", () => {
  it("accepting a replacement removes the deleted text and keeps the inserted, unmarked", () => {
    const after = decideSuggestions(DOC, new Set(["r1"]), "accept");
    expect(text(after)).toBe(
      "Kommunen afsætter 3 mio. kr. straks i 2026.\nBeløbet kan indgå i budgettet.",
    );
    expect(listSuggestions(after).map((s) => s.id)).toEqual(["a2", "d3"]);
  });

  it("rejecting a replacement keeps the deleted text, unmarked, and drops the inserted", () => {
    const after = decideSuggestions(DOC, new Set(["r1"]), "reject");
    expect(text(after)).toBe(
      "Kommunen afsætter 2 mio. kr. straks i 2026.\nBeløbet kan indgå i budgettet.",
    );
    expect(listSuggestions(after).map((s) => s.id)).toEqual(["a2", "d3"]);
  });

  it("accepts an insertion and a deletion together", () => {
    const after = decideSuggestions(DOC, new Set(["a2", "d3"]), "accept");
    expect(text(after)).toBe(
      "Kommunen afsætter 23 mio. kr. straks i 2026.\nBeløbet indgå i budgettet.",
    );
    expect(listSuggestions(after).map((s) => s.id)).toEqual(["r1"]);
  });

  it("rejects an insertion and a deletion together", () => {
    const after = decideSuggestions(DOC, new Set(["a2", "d3"]), "reject");
    expect(text(after)).toBe(
      "Kommunen afsætter 23 mio. kr. i 2026.\nBeløbet kan indgå i budgettet.",
    );
  });

  it("unknown ids change nothing", () => {
    expect(decideSuggestions(DOC, new Set(["nope"]), "accept")).toBe(DOC);
  });

  it("the accepted view drops open insertions and keeps open deletions as text, unmarked", () => {
    const view = acceptedBody(DOC);
    expect(text(view)).toBe("Kommunen afsætter 2 mio. kr. i 2026.\nBeløbet kan indgå i budgettet.");
    expect(listSuggestions(view)).toEqual([]);
    expect(JSON.stringify(view.toJSON())).not.toMatch(/insertion|deletion/);
  });

  it("lists open suggestions in text order with author, field and context", () => {
    const list = listSuggestions(DOC);
    expect(
      list.map(({ id, kind, authorName, field, inserted, deleted }) => ({
        id,
        kind,
        authorName,
        field,
        inserted,
        deleted,
      })),
    ).toEqual([
      {
        id: "r1",
        kind: "replacement",
        authorName: ANNE.name,
        field: "sagsfremstilling",
        inserted: "3",
        deleted: "2",
      },
      {
        id: "a2",
        kind: "insertion",
        authorName: BO.name,
        field: "sagsfremstilling",
        inserted: "straks ",
        deleted: "",
      },
      {
        id: "d3",
        kind: "deletion",
        authorName: ANNE.name,
        field: "sagsfremstilling",
        inserted: "",
        deleted: "kan ",
      },
    ]);
    expect(list[0]!.before).toBe("Kommunen afsætter ");
    expect(list[0]!.after).toBe(" mio. kr. straks i 2026.");
  });
});
