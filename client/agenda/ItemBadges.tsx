import type { AgendaItem } from "../../shared/model/agenda";
import { ITEM_STATUS_LABELS } from "../../shared/model/agenda";
import { formatOfficers } from "../../shared/model/caseNumber";

interface ItemBadgesProps {
  item: AgendaItem;
  overdue: boolean;
}

/** Status, officers, lukket punkt, overdue and bilag at a glance, as text (not colour alone). */
export function ItemBadges({ item, overdue }: ItemBadgesProps) {
  return (
    <span className="item-badges">
      <span className="status-badge" data-status={item.status}>
        {ITEM_STATUS_LABELS[item.status]}
      </span>
      {item.officers.length > 0 && (
        <span className="officers">
          <span className="visually-hidden">Sagsbehandlere: </span>
          {formatOfficers(item.officers)}
        </span>
      )}
      {item.closed && (
        <span className="closed-badge">
          <LockGlyph />
          Lukket punkt
        </span>
      )}
      {overdue && <span className="overdue-badge">Frist overskredet</span>}
      {item.attachments.length > 0 && (
        <span className="attachment-count">
          {item.attachments.length === 1 ? "1 bilag" : `${item.attachments.length} bilag`}
        </span>
      )}
    </span>
  );
}

export function LockGlyph() {
  return (
    <svg
      className="lock-glyph"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}
