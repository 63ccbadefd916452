import type { AuditRow } from "../../shared/audit";

/** The CSV's columns: the audit page's, in the same order. */
export const AUDIT_CSV_COLUMNS = ["Tidspunkt", "Person", "Handling", "Møde", "Punkt", "Detaljer"];

/**
 * The audit log as CSV for Excel as Danish installations have it: UTF-8 with a byte-order mark
 * (without it Excel reads æ, ø, å as Windows-1252), `;` between fields (Danish Excel uses the
 * comma as decimal separator and expects semicolons), CRLF line ends, fields quoted when they
 * hold a separator, a quote or a line break. The same columns as the page; details as
 * "Label: value" joined by " · ".
 */
export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [AUDIT_CSV_COLUMNS];
  for (const row of rows) {
    lines.push([
      row.time,
      row.person,
      row.actionLabel,
      row.meeting,
      row.item,
      row.details.map((detail) => `${detail.label}: ${detail.value}`).join(" · "),
    ]);
  }
  return "\uFEFF" + lines.map((line) => line.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
  // A cell starting like a formula is made text, so a spreadsheet never runs it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
