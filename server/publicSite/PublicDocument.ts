import { hasFile } from "../../shared/model";
// Not through the exports' index: it also re-exports the renderers, and the server would load
// pdfkit and docx at start-up.
import type { ExportInput } from "../exports/ExportInput";
import type { ExportBlock, ExportInline, ExportModel } from "../exports/ExportModel";
import { prepareExport } from "../exports/prepareExport";
import type { PublicContent, PublicSearchEntry } from "../store";
import { danishStems } from "./danishStems";

/**
 * What the public site shows of one publication, made once at publishing from the same input as
 * its files and stored beside them: the public export model (closed items by number and title
 * only, bilag kept out of the public version left out — `prepareExport` applies that rule) and,
 * for each listed bilag, the hash of the bytes that were published, so a bilag replaced later
 * is not served under the published document.
 */
export interface PublicDocument {
  model: ExportModel;
  /** Attachment id → SHA-256 of the published file, for every bilag the model lists. */
  files: Record<string, string>;
}

/** The public document of a publication and its search entries (public items only). */
export function publicContentOf(input: ExportInput): PublicContent {
  const model = prepareExport({ ...input, variant: "public" });
  const refs = new Map(
    input.document.meeting.agenda.sections
      .flatMap((section) => section.items)
      .flatMap((item) => item.attachments)
      .filter(hasFile)
      .map((ref) => [ref.id, ref.sha256]),
  );
  const files: Record<string, string> = {};
  const entries: PublicSearchEntry[] = [];
  for (const item of model.sections.flatMap((section) => section.items)) {
    if (item.withheld) continue;
    for (const attachment of item.attachments) {
      const sha256 = refs.get(attachment.id);
      if (sha256 !== undefined && !attachment.missingFile) files[attachment.id] = sha256;
    }
    const body = item.fields
      .map((field) => `${field.label}\n${blocksText(field.blocks)}`)
      .join("\n\n");
    entries.push({
      itemId: item.id,
      itemNumber: item.number,
      title: item.title,
      body,
      stems: danishStems(`${item.title}\n${body}`).join(" "),
    });
  }
  const document: PublicDocument = { model, files };
  return { json: JSON.stringify(document), entries };
}

export function parsePublicDocument(json: string): PublicDocument {
  return JSON.parse(json) as PublicDocument;
}

/** Blocks as plain text, a line per paragraph. */
export function blocksText(blocks: readonly ExportBlock[]): string {
  const inline = (node: ExportInline): string =>
    node.type === "text" ? node.text : node.type === "break" ? "\n" : node.label;
  const block = (node: ExportBlock): string => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        return node.content.map(inline).join("");
      case "list":
        return node.items.map((item) => item.map(block).join("\n")).join("\n");
      case "table":
        return node.rows
          .map((row) => row.map((cell) => cell.blocks.map(block).join(" ")).join(" | "))
          .join("\n");
    }
  };
  return blocks.map(block).join("\n");
}
