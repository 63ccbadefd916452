import type { MeetingService } from "../meetings/MeetingService";
import type { AuditEntry } from "../store";

/** RFC 4180 CSV (with a BOM so Excel reads UTF-8), one row per audit entry. */
export async function auditCsv(entries: AuditEntry[], meetings: MeetingService): Promise<string> {
  const names = new Map<string, string>();
  for (const entry of entries) {
    if (entry.userId && !names.has(entry.userId))
      names.set(entry.userId, (await meetings.userName(entry.userId)) ?? entry.userId);
  }
  const rows = [["tidspunkt", "bruger", "handling", "punkt", "detaljer"]];
  for (const e of entries) {
    rows.push([
      new Date(e.at).toISOString(),
      e.userId ? (names.get(e.userId) ?? e.userId) : "",
      e.action,
      e.itemId ?? "",
      JSON.stringify(e.details),
    ]);
  }
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
  // Quote everything that needs it; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}
