import type { AnyExtension } from "@tiptap/core";
import { Document } from "@tiptap/extension-document";
import { itemBodyExtensions } from "./extensions";
import { ITEM_FIELDS } from "./fields";

const SUGGESTION_MARKS = ["insertion", "deletion"];

/**
 * The Beslutning (decision) of one item, written in the minutes: free block content with the
 * same blocks and marks as an item body, without the fixed fields and without suggestion marks
 * (only the secretariat writes minutes, directly).
 */
export const beslutningExtensions: AnyExtension[] = [
  Document.extend({ content: "block+" }),
  ...itemBodyExtensions.filter(
    (extension) =>
      extension.name !== "doc" &&
      !SUGGESTION_MARKS.includes(extension.name) &&
      !ITEM_FIELDS.some((field) => field.name === extension.name),
  ),
];
