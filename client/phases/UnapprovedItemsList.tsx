import { ITEM_STATUS_LABELS } from "../../shared/model/agenda";
import type { UnapprovedItem } from "../../shared/model/unapprovedItems";

/**
 * The items not Godkendt, named one by one: what the person confirms when sending the agenda
 * out or publishing anyway (and what the audit log keeps).
 */
export function UnapprovedItemsList({
  items,
  intro,
}: {
  items: readonly UnapprovedItem[];
  intro: string;
}) {
  if (items.length === 0) return null;
  return (
    <div className="unapproved-items">
      <p>
        <strong>{intro}</strong>
      </p>
      <ul aria-label="Punkter, der ikke er godkendt">
        {items.map((item) => (
          <li key={item.id}>
            {item.number}. {item.title}{" "}
            <span className="muted">({ITEM_STATUS_LABELS[item.status]})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
