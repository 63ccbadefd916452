import type { Block } from "./Block";
import { orderedListLabel } from "./orderedListLabel";

/** A field's blocks as plain text: blocks separated by a blank line, list items by a newline. */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map(blockToText).join("\n\n");
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return block.lines.join("\n");
    case "heading":
      return block.text;
    case "bulletList":
      return block.items.map((item) => `– ${item}`).join("\n");
    case "orderedList":
      return block.items
        .map((item, index) => `${orderedListLabel(block, index)} ${item}`)
        .join("\n");
  }
}
