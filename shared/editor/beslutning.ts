import type { AnyExtension } from "@tiptap/core";
import { Document } from "@tiptap/extension-document";
import { itemBodyExtensions } from "./extensions";
import { ITEM_FIELDS } from "./fields";

/**
 * The Beslutning (decision) of one item, written in the minutes: free block content with the
 * same blocks and marks as an item body, without the fixed fields.
 */
export const beslutningExtensions: AnyExtension[] = [
  Document.extend({ content: "block+" }),
  ...itemBodyExtensions.filter(
    (extension) =>
      extension.name !== "doc" && !ITEM_FIELDS.some((field) => field.name === extension.name),
  ),
];
