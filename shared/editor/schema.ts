import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { beslutningExtensions } from "./beslutning";
import { itemBodyExtensions } from "./extensions";

let cached: Schema | null = null;

/** The ProseMirror schema of an item body; builds without a DOM. */
export function itemBodySchema(): Schema {
  cached ??= getSchema(itemBodyExtensions);
  return cached;
}

let beslutningCached: Schema | null = null;

/** The ProseMirror schema of one item's Beslutning in the minutes. */
export function beslutningSchema(): Schema {
  beslutningCached ??= getSchema(beslutningExtensions);
  return beslutningCached;
}
