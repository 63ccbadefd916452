import { Mark } from "@tiptap/core";
import {
  suggestionAttributeSpecs,
  suggestionColorClass,
  suggestionTitle,
} from "./suggestionAttributes";

/**
 * Text someone suggested deleting: it stays in the document, struck through, until a writer
 * accepts (the text goes) or rejects (the mark goes). Not inclusive, and exclusive with an
 * insertion mark, like `Insertion`.
 */
export const Deletion = Mark.create({
  name: "deletion",
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: suggestionAttributeSpecs,
  parseHTML() {
    return [{ tag: "del[data-suggestion]" }];
  },
  renderHTML({ mark }) {
    const authorId = String(mark.attrs.authorId ?? "");
    return [
      "del",
      {
        "data-suggestion": mark.attrs.id ?? "",
        "data-id": mark.attrs.id ?? "",
        "data-author-id": authorId,
        "data-author-name": mark.attrs.authorName ?? "",
        "data-time": mark.attrs.time ?? "",
        class: `suggestion suggestion-deletion ${suggestionColorClass(authorId)}`,
        title: suggestionTitle("deletion", mark.attrs),
      },
      0,
    ];
  },
});
