import * as Y from "yjs";
import { ITEM_FIELDS } from "../../shared/editor/fields";

const fieldLabels: ReadonlyMap<string, string> = new Map(
  ITEM_FIELDS.map((field) => [field.name, field.label]),
);

/** Inline nodes that stand for text of their own. */
function inlineText(element: Y.XmlElement): string {
  if (element.nodeName === "hardBreak") return "\n";
  if (element.nodeName === "attachmentMarker") {
    const label = element.getAttribute("label");
    return typeof label === "string" && label !== "" ? `./. ${label}` : "./.";
  }
  return "";
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((part) => (typeof part.insert === "string" ? part.insert : ""))
    .join("");
}

/** A block's lines: a textblock is one line, a container its children's lines. */
function blockLines(node: Y.XmlElement | Y.XmlFragment): string[] {
  const children = node.toArray();
  const isTextblock = children.some((child) => child instanceof Y.XmlText);
  if (isTextblock) {
    return [
      children
        .map((child) =>
          child instanceof Y.XmlText
            ? textOf(child)
            : child instanceof Y.XmlElement
              ? inlineText(child)
              : "",
        )
        .join(""),
    ];
  }
  const lines: string[] = [];
  for (const child of children) {
    if (!(child instanceof Y.XmlElement)) continue;
    const label = fieldLabels.get(child.nodeName);
    if (label !== undefined) lines.push(label.toUpperCase());
    lines.push(...blockLines(child));
    if (label !== undefined) lines.push("");
  }
  return lines;
}

/**
 * A document's text as a person would copy it: one line per paragraph, an item body's fields
 * under their headings. For showing text the server refused, so it can be copied elsewhere.
 */
export function documentText(doc: Y.Doc): string {
  const parts: string[] = [];
  for (const name of doc.share.keys()) {
    let fragment: Y.XmlFragment;
    try {
      fragment = doc.getXmlFragment(name);
    } catch {
      continue; // a root of another type
    }
    parts.push(blockLines(fragment).join("\n").trim());
  }
  return parts.filter((part) => part !== "").join("\n\n");
}
