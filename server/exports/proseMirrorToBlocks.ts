/**
 * ProseMirror JSON (item body fields, Beslutning) to the exports' neutral blocks. Stored bodies
 * are checked against the schema when written, but an export must not fail on one odd node, so
 * this reads defensively: an unknown block keeps its text as a paragraph, an unknown inline node
 * or mark is dropped, and nothing is read from attributes except the few this names (the link's
 * address, the `./.` marker's label and bilag id, list and cell numbers) — text that hides in an
 * attribute can never reach an export.
 */
import type { ExportBlock, ExportInline, ExportTableCell } from "./ExportModel";

interface Node {
  type: string;
  attrs: Record<string, unknown>;
  content: Node[];
  marks: { type: string; attrs: Record<string, unknown> }[];
  text: string;
}

/** What a node says it is; anything that is not an object with a string `type` is nothing. */
function asNode(value: unknown): Node | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.type !== "string") return null;
  const attrs =
    typeof record.attrs === "object" && record.attrs !== null
      ? (record.attrs as Record<string, unknown>)
      : {};
  const content = Array.isArray(record.content)
    ? record.content.map(asNode).filter((node): node is Node => node !== null)
    : [];
  const marks = Array.isArray(record.marks)
    ? record.marks.flatMap((mark) => {
        const node = asNode(mark);
        return node ? [{ type: node.type, attrs: node.attrs }] : [];
      })
    : [];
  const text = typeof record.text === "string" ? record.text : "";
  return { type: record.type, attrs, content, marks, text };
}

/** The children of a node given as JSON (a field node, or a `doc`), as nodes. */
export function childNodes(value: unknown): unknown[] {
  return asNode(value)?.content ?? [];
}

/** Block nodes (a field's content, a Beslutning) as export blocks, without empty paragraphs. */
export function proseMirrorToBlocks(
  blocks: readonly unknown[],
  resolveAttachment: (attachmentId: string | null) => string | null,
): ExportBlock[] {
  const convert = (node: Node): ExportBlock[] => {
    switch (node.type) {
      case "paragraph": {
        const paragraph: ExportBlock = { type: "paragraph", content: inlines(node.content) };
        return hasContent([paragraph]) ? [paragraph] : [];
      }
      case "heading":
        return [{ type: "heading", content: inlines(node.content) }];
      case "bulletList":
      case "orderedList": {
        const ordered = node.type === "orderedList";
        const start = Number(node.attrs.start);
        return [
          {
            type: "list",
            ordered,
            start: ordered && Number.isInteger(start) && start > 0 ? start : 1,
            numbering: node.attrs.type === "a" ? "alpha" : "decimal",
            items: node.content.map((item) =>
              item.type === "listItem" ? item.content.flatMap(convert) : convert(item),
            ),
          },
        ];
      }
      case "table":
        return [{ type: "table", rows: node.content.map((row) => row.content.map(cell)) }];
      default: {
        // Unknown block: its text survives, its structure and attributes do not.
        if (node.content.some(isBlockLike)) return node.content.flatMap(convert);
        const paragraph: ExportBlock = { type: "paragraph", content: inlines(node.content) };
        return hasContent([paragraph]) ? [paragraph] : [];
      }
    }
  };
  const cell = (node: Node): ExportTableCell => ({
    header: node.type === "tableHeader",
    colspan: positiveInteger(node.attrs.colspan),
    rowspan: positiveInteger(node.attrs.rowspan),
    blocks: node.content.flatMap(convert),
  });
  const inlines = (nodes: readonly Node[]): ExportInline[] =>
    nodes.flatMap((node): ExportInline[] => {
      switch (node.type) {
        case "text": {
          if (node.text === "") return [];
          const link = node.marks.find((mark) => mark.type === "link");
          return [
            {
              type: "text",
              text: node.text,
              bold: node.marks.some((mark) => mark.type === "bold"),
              italic: node.marks.some((mark) => mark.type === "italic"),
              href: link ? safeHref(link.attrs.href) : null,
            },
          ];
        }
        case "hardBreak":
          return [{ type: "break" }];
        case "attachmentMarker": {
          const id = typeof node.attrs.attachmentId === "string" ? node.attrs.attachmentId : null;
          const label = typeof node.attrs.label === "string" ? node.attrs.label : "";
          return [{ type: "attachment", label, attachmentId: resolveAttachment(id) }];
        }
        default:
          return inlines(node.content);
      }
    });
  return blocks
    .map(asNode)
    .filter((node): node is Node => node !== null)
    .flatMap(convert);
}

function isBlockLike(node: Node): boolean {
  return node.type !== "text" && node.type !== "hardBreak" && node.type !== "attachmentMarker";
}

function positiveInteger(value: unknown): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 1;
}

/** Only web and mail addresses become links; anything else (javascript:, data:) is plain text. */
function safeHref(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return /^(https?:\/\/|mailto:)/i.test(value.trim()) ? value.trim() : null;
}

/** Whether blocks print anything: an empty field is left out of the exports. */
export function hasContent(blocks: readonly ExportBlock[]): boolean {
  return blocks.some((block) => {
    switch (block.type) {
      case "paragraph":
      case "heading":
        return block.content.some(
          (inline) =>
            inline.type === "attachment" || (inline.type === "text" && inline.text.trim() !== ""),
        );
      case "list":
        return block.items.some(hasContent);
      case "table":
        return block.rows.some((row) => row.some((cell) => hasContent(cell.blocks)));
    }
  });
}
