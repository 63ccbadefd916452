import type { AuditEntry } from "../api/auditApi";
import { itemPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { formatDateTime } from "../review/formatDateTime";
import { auditActionLabel, auditDetailText } from "./auditLabels";

interface AuditTableProps {
  entries: readonly AuditEntry[];
  names: ReadonlyMap<string, string>;
  /** "2.1. Titel" per item id. */
  itemTitles: ReadonlyMap<string, string>;
}

/** The audit entries, newest first: when, who, what, which item, and the details that matter. */
export function AuditTable({ entries, names, itemTitles }: AuditTableProps) {
  return (
    <table className="audit-table">
      <caption className="visually-hidden">Revisionsspor, nyeste først</caption>
      <thead>
        <tr>
          <th scope="col">Tidspunkt</th>
          <th scope="col">Person</th>
          <th scope="col">Handling</th>
          <th scope="col">Punkt</th>
          <th scope="col">Detaljer</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq} data-action={entry.action}>
            <td className="audit-time">
              <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at)}</time>
            </td>
            <td>
              {entry.userId === null ? "Systemet" : (names.get(entry.userId) ?? entry.userId)}
            </td>
            <td className="audit-action">{auditActionLabel(entry.action)}</td>
            <td>
              {entry.itemId && (
                <RouterLink href={itemPath(entry.itemId)}>
                  {itemTitles.get(entry.itemId) ?? entry.itemId}
                </RouterLink>
              )}
            </td>
            <td className="audit-details">{auditDetailText(entry.action, entry.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
