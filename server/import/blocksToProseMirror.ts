import type { Block } from "./Block";
import type { ProseMirrorJson } from "./ParsedMeeting";

/**
 * A field's blocks as ProseMirror JSON for the item body schema (`shared/editor`): paragraphs,
 * level-3 sub-headings, bullet and ordered lists (listItem > paragraph), line breaks inside kept
 * line runs, and web addresses in the text as link marks. An empty field is one empty paragraph,
 * since every field holds at least one block.
 */
export function blocksToProseMirror(blocks: readonly Block[]): ProseMirrorJson[] {
  if (blocks.length === 0) return [{ type: "paragraph" }];
  return blocks.map(blockToNode);
}

function blockToNode(block: Block): ProseMirrorJson {
  switch (block.kind) {
    case "paragraph":
      return paragraph(
        block.lines.flatMap((line, index) =>
          index === 0 ? inline(line) : [{ type: "hardBreak" }, ...inline(line)],
        ),
      );
    case "heading":
      return { type: "heading", attrs: { level: 3 }, content: inline(block.text) };
    case "bulletList":
      return { type: "bulletList", content: block.items.map(listItem) };
    case "orderedList":
      return {
        type: "orderedList",
        attrs: { start: block.start, type: block.style === "alpha" ? "a" : null },
        content: block.items.map(listItem),
      };
  }
}

function listItem(text: string): ProseMirrorJson {
  return { type: "listItem", content: [paragraph(inline(text))] };
}

function paragraph(content: ProseMirrorJson[]): ProseMirrorJson {
  return content.length === 0 ? { type: "paragraph" } : { type: "paragraph", content };
}

/** Trailing punctuation after an address belongs to the sentence, not the link. */
const URL = /(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)'’”]/g;

function inline(text: string): ProseMirrorJson[] {
  const nodes: ProseMirrorJson[] = [];
  let position = 0;
  for (const match of text.matchAll(URL)) {
    const start = match.index;
    if (start > position) nodes.push({ type: "text", text: text.slice(position, start) });
    const href = match[0].startsWith("www.") ? `https://${match[0]}` : match[0];
    nodes.push({ type: "text", text: match[0], marks: [{ type: "link", attrs: { href } }] });
    position = start + match[0].length;
  }
  if (position < text.length) nodes.push({ type: "text", text: text.slice(position) });
  return nodes;
}
