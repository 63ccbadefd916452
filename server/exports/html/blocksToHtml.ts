import type { ExportBlock, ExportInline, ExportTableCell } from "../ExportModel";
import { attachmentMarkerText } from "../exportLabels";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** The anchor of one bilag in its item's list, the target of the `./.` markers. */
export function attachmentAnchor(itemId: string, attachmentId: string): string {
  return `bilag-${itemId}-${attachmentId}`;
}

/**
 * Blocks as HTML. `headingTag` is the level of a field's sub-headings (one below the field
 * heading), so the document's heading outline has no gaps.
 */
export function blocksToHtml(
  blocks: readonly ExportBlock[],
  itemId: string,
  headingTag: string,
): string {
  const block = (node: ExportBlock): string => {
    switch (node.type) {
      case "paragraph":
        return `<p>${inlines(node.content)}</p>`;
      case "heading":
        return `<${headingTag}>${inlines(node.content)}</${headingTag}>`;
      case "list": {
        const items = node.items.map((item) => `<li>${item.map(block).join("")}</li>`).join("");
        if (!node.ordered) return `<ul class="dash-list">${items}</ul>`;
        const type = node.numbering === "alpha" ? ' type="a"' : "";
        const start = node.start === 1 ? "" : ` start="${node.start}"`;
        return `<ol${type}${start}>${items}</ol>`;
      }
      case "table":
        return `<div class="table-wrap"><table>${node.rows
          .map((row, index) => `<tr>${row.map((cell) => tableCell(cell, index)).join("")}</tr>`)
          .join("")}</table></div>`;
    }
  };
  const tableCell = (cell: ExportTableCell, rowIndex: number): string => {
    const tag = cell.header ? "th" : "td";
    const scope = cell.header ? ` scope="${rowIndex === 0 ? "col" : "row"}"` : "";
    const colspan = cell.colspan > 1 ? ` colspan="${cell.colspan}"` : "";
    const rowspan = cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : "";
    return `<${tag}${scope}${colspan}${rowspan}>${cell.blocks.map(block).join("")}</${tag}>`;
  };
  const inlines = (content: readonly ExportInline[]): string =>
    content.map((inline) => inlineToHtml(inline, itemId)).join("");
  return blocks.map(block).join("\n");
}

function inlineToHtml(inline: ExportInline, itemId: string): string {
  switch (inline.type) {
    case "break":
      return "<br>";
    case "attachment": {
      const text = escapeHtml(attachmentMarkerText(inline.label));
      return inline.attachmentId === null
        ? `<span class="bilag-marker">${text}</span>`
        : `<a class="bilag-marker" href="#${escapeHtml(attachmentAnchor(itemId, inline.attachmentId))}">${text}</a>`;
    }
    case "text": {
      let html = escapeHtml(inline.text);
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.href !== null) html = `<a href="${escapeHtml(inline.href)}">${html}</a>`;
      return html;
    }
  }
}
