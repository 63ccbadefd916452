import { Mark } from "@tiptap/core";
import {
  suggestionAttributeSpecs,
  suggestionColorClass,
  suggestionTitle,
} from "./suggestionAttributes";

/**
 * Text someone suggested inserting (Foreslå ændringer). Not inclusive: what is typed right
 * after a suggestion is not part of it unless the suggest mode marks it so. Excludes a
 * deletion mark: a run of text is either suggested inserted or suggested deleted.
 */
export const Insertion = Mark.create({
  name: "insertion",
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: suggestionAttributeSpecs,
  parseHTML() {
    return [{ tag: "ins[data-suggestion]" }];
  },
  renderHTML({ mark }) {
    const authorId = String(mark.attrs.authorId ?? "");
    return [
      "ins",
      {
        "data-suggestion": mark.attrs.id ?? "",
        "data-id": mark.attrs.id ?? "",
        "data-author-id": authorId,
        "data-author-name": mark.attrs.authorName ?? "",
        "data-time": mark.attrs.time ?? "",
        class: `suggestion suggestion-insertion ${suggestionColorClass(authorId)}`,
        title: suggestionTitle("insertion", mark.attrs),
      },
      0,
    ];
  },
});
