import type { AuditRow } from "../../shared/audit";
import { itemPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";

/** The audit entries, newest first, in the columns the CSV has too. */
export function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  return (
    <table className="audit-table">
      <caption className="visually-hidden">Revisionsspor, nyeste først</caption>
      <thead>
        <tr>
          <th scope="col">Tidspunkt</th>
          <th scope="col">Person</th>
          <th scope="col">Handling</th>
          <th scope="col">Møde</th>
          <th scope="col">Punkt</th>
          <th scope="col">Detaljer</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.seq} data-action={row.action}>
            <td className="audit-time">
              <time dateTime={new Date(row.at).toISOString()}>{row.time}</time>
            </td>
            <td>{row.person}</td>
            <td className="audit-action">{row.actionLabel}</td>
            <td>{row.meeting}</td>
            <td>
              {row.itemId && row.item !== "" ? (
                <RouterLink href={itemPath(row.itemId)}>{row.item}</RouterLink>
              ) : (
                row.item
              )}
            </td>
            <td className="audit-details">
              {row.details.length > 0 && (
                <dl>
                  {row.details.map((detail, index) => (
                    <div key={index} className="audit-detail">
                      <dt>{detail.label}:</dt> <dd>{detail.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
