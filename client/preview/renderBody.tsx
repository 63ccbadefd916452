/**
 * An item body (ProseMirror JSON from the server) as read-only React elements, laid out as the
 * printed agendas are: field headings, paragraphs, dash lists, sub-headings, tables and `./.`
 * markers linking to the item's bilag. Unknown node types render their content, never raw data.
 */
import type { ReactNode } from "react";
import { ITEM_FIELDS } from "../../shared/editor/fields";
import type { AttachmentEntry, AttachmentRef } from "../../shared/model/agenda";
import { hasFile } from "../../shared/model/agenda";
import { attachmentUrl } from "../api/attachmentsApi";
import type { ProseMirrorJson } from "../api/meetingTypes";

interface RenderContext {
  attachments: readonly AttachmentRef[];
}

const FIELD_LABELS = new Map<string, string>(ITEM_FIELDS.map((f) => [f.name, f.label]));
const SAFE_LINK = /^(https?:|mailto:)/i;

/** The fields of a body, in order, leaving out fields with no text. */
export function renderItemFields(
  body: ProseMirrorJson | undefined,
  attachments: readonly AttachmentEntry[],
): ReactNode[] {
  if (!body?.content) return [];
  // A marker links to its bilag only when there is a file to get.
  const context: RenderContext = { attachments: attachments.filter(hasFile) };
  return body.content
    .filter((field) => FIELD_LABELS.has(field.type) && hasText(field))
    .map((field) => (
      <section key={field.type} className={`preview-field preview-field-${field.type}`}>
        <h4>{FIELD_LABELS.get(field.type)}</h4>
        {renderChildren(field, context)}
      </section>
    ));
}

function hasText(node: ProseMirrorJson): boolean {
  if (node.type === "text") return (node.text ?? "").trim() !== "";
  if (node.type === "attachmentMarker") return true;
  return (node.content ?? []).some(hasText);
}

function renderChildren(node: ProseMirrorJson, context: RenderContext): ReactNode[] {
  return (node.content ?? []).map((child, index) => renderNode(child, context, index));
}

function renderNode(node: ProseMirrorJson, context: RenderContext, key: number): ReactNode {
  const children = () => renderChildren(node, context);
  switch (node.type) {
    case "paragraph": {
      const first = node.content?.[0];
      // Imported documents keep `./.` as text at a paragraph's start; show it as the marker it is.
      const marker =
        first?.type === "attachmentMarker" ||
        (first?.type === "text" && (first.text ?? "").trimStart().startsWith("./."));
      return (
        <p key={key} className={marker ? "marker-paragraph" : undefined}>
          {children()}
        </p>
      );
    }
    case "heading":
      return <h5 key={key}>{children()}</h5>;
    case "bulletList":
      return (
        <ul key={key} className="dash-list">
          {children()}
        </ul>
      );
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
      const type = node.attrs?.type === "a" ? "a" : undefined;
      return (
        <ol key={key} start={start} type={type}>
          {children()}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children()}</li>;
    case "hardBreak":
      return <br key={key} />;
    case "table":
      return (
        <table key={key}>
          <tbody>{children()}</tbody>
        </table>
      );
    case "tableRow":
      return <tr key={key}>{children()}</tr>;
    case "tableHeader":
    case "tableCell": {
      const Cell = node.type === "tableHeader" ? "th" : "td";
      const colSpan = typeof node.attrs?.colspan === "number" ? node.attrs.colspan : undefined;
      const rowSpan = typeof node.attrs?.rowspan === "number" ? node.attrs.rowspan : undefined;
      return (
        <Cell key={key} colSpan={colSpan} rowSpan={rowSpan}>
          {children()}
        </Cell>
      );
    }
    case "attachmentMarker":
      return renderMarker(node, context, key);
    case "text":
      return renderText(node, key);
    default:
      return <span key={key}>{children()}</span>;
  }
}

function renderMarker(node: ProseMirrorJson, context: RenderContext, key: number): ReactNode {
  const id = typeof node.attrs?.attachmentId === "string" ? node.attrs.attachmentId : null;
  const label = typeof node.attrs?.label === "string" ? node.attrs.label.trim() : "";
  const attachment = id ? context.attachments.find((a) => a.id === id) : undefined;
  const text = label ? `./. ${label}` : "./.";
  if (!attachment)
    return (
      <span key={key} className="attachment-marker">
        {text}
      </span>
    );
  return (
    <a
      key={key}
      className="attachment-marker"
      href={attachmentUrl(attachment.id)}
      download={attachment.filename}
    >
      {text}
    </a>
  );
}

function renderText(node: ProseMirrorJson, key: number): ReactNode {
  let element: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") element = <strong>{element}</strong>;
    else if (mark.type === "italic") element = <em>{element}</em>;
    else if (mark.type === "link") {
      const href = typeof mark.attrs?.href === "string" ? mark.attrs.href : "";
      if (SAFE_LINK.test(href)) element = <a href={href}>{element}</a>;
    }
  }
  return <span key={key}>{element}</span>;
}
