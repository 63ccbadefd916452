import type { AuditEntry } from "../api/auditApi";

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), as the server's CSV export writes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * People's names for the audit entries' user ids. The JSON audit log has ids only; its CSV
 * export, open to the same roles, has the same entries in the same order with names. An
 * entry whose CSV row does not match (a different action) gives no name.
 */
export function namesFromCsv(entries: readonly AuditEntry[], csv: string): Map<string, string> {
  const rows = parseCsv(csv).slice(1);
  const names = new Map<string, string>();
  entries.forEach((entry, index) => {
    const row = rows[index];
    if (!row || entry.userId === null || row[2] !== entry.action || !row[1]) return;
    names.set(entry.userId, row[1].startsWith("'") ? row[1].slice(1) : row[1]);
  });
  return names;
}
