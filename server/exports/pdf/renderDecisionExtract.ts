import type { ExportInput } from "../ExportInput";
import { ExportError } from "../ExportError";
import { EXPORT_LABELS, itemHeading, pageLabel } from "../exportLabels";
import { prepareExport } from "../prepareExport";
import { PAGE, TaggedPdf } from "./TaggedPdf";
import { writeBlocks } from "./writeBlocks";

/**
 * A delreferat: one item's decision as a tagged PDF for filing in the case system — the
 * meeting and its date, the item's number, title and case line, its Indstilling and its
 * Beslutning, with the running header on every page. It follows the same public/internal rule
 * as the whole minutes (`prepareExport`): a closed item in a public extract keeps only its
 * number, title and the closed marker. Throws `ExportError("export_item_not_found")` for an
 * item that is not on the agenda (unknown or deleted).
 */
export async function renderDecisionExtract(input: ExportInput, itemId: string): Promise<Buffer> {
  const model = prepareExport({ ...input, kind: "referat" });
  const item = model.sections
    .flatMap((section) => section.items)
    .find((candidate) => candidate.id === itemId);
  if (!item) {
    throw new ExportError("export_item_not_found", "Punktet findes ikke på mødets dagsorden.");
  }
  const heading = itemHeading(item);
  const pdf = new TaggedPdf({
    title: `${EXPORT_LABELS.decisionExtract} – ${heading}`,
    author: model.committee,
    subject: `${EXPORT_LABELS.referat} – ${model.committee} – ${model.dateText}`,
    ...(model.record
      ? { recordHash: model.record.hash, createdAt: new Date(model.record.issuedAt) }
      : {}),
  });
  const sect = pdf.group(pdf.root, "Sect");
  pdf.line(sect, "P", model.committee, { size: 14, font: "bold", color: PAGE.accent, gapAfter: 4 });
  pdf.heading(sect, "H1", EXPORT_LABELS.decisionExtract, { size: 24, gapAfter: 6 });
  const place = model.place.trim() === "" ? "" : `, ${model.place}`;
  pdf.line(
    sect,
    "P",
    `Uddrag af referat: ${model.meetingTitle}, ${model.dateText}, kl. ${model.timeText}${place}`,
    { color: PAGE.muted, gapAfter: 20 },
  );
  pdf.heading(sect, "H2", heading, { size: 13, color: PAGE.accent, gapAfter: 3 });
  if (item.caseLine !== null) pdf.line(sect, "P", item.caseLine, { color: PAGE.muted });
  if (item.closed) pdf.line(sect, "P", EXPORT_LABELS.closed, { font: "bold", color: PAGE.closed });
  for (const field of item.fields) {
    if (field.name !== "indstilling" && field.name !== "beslutning") continue;
    pdf.moveDown(4);
    pdf.heading(sect, "H3", field.label, { gapAfter: 3 });
    writeBlocks(pdf, sect, field.blocks, { subHeadingRole: "H4" });
  }
  sect.end();
  pdf.stampRunningHeader(model.runningHeader, pageLabel, 1);
  return pdf.finish();
}
