import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { itemBodyExtensions } from "./extensions";

let cached: Schema | null = null;

/** The ProseMirror schema of an item body; builds without a DOM. */
export function itemBodySchema(): Schema {
  cached ??= getSchema(itemBodyExtensions);
  return cached;
}
