/**
 * The plain text of an item's Indstilling, from its body as `GET /api/meetings/:id/document`
 * gives it (ProseMirror JSON: doc > baggrund, indstilling, sagsfremstilling), for suggesting a
 * Beslutning. Blocks are separated by a newline; `suggestBeslutning` reads one sentence anyway.
 */
import type { ProseMirrorJson } from "../api/meetingTypes";

export function indstillingText(body: ProseMirrorJson | undefined): string {
  const field = body?.content?.find((node) => node.type === "indstilling");
  return field ? blockText(field).trim() : "";
}

function blockText(node: ProseMirrorJson): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  const children = node.content ?? [];
  // Text blocks hold inline content; any other node holds blocks, one per line.
  const inline = children.every((child) => child.type === "text" || child.type === "hardBreak");
  return children.map(blockText).join(inline ? "" : "\n");
}
