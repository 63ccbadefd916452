import { useEffect, useId, useRef, useState } from "react";
import { NOTIFICATION_KIND_LABELS, unreadText } from "../../shared/model/notifications";
import { formatDateTime } from "../review/formatDateTime";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useNotifications } from "./useNotifications";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./notifications.css";

/**
 * The bell in the header: the unread count (live over the person's own channel) and, opened,
 * the list of what concerns them — each a link to its item; following one marks it read.
 * Escape or a click outside closes the list and gives focus back to the bell.
 */
export function NotificationBell({ userId }: { userId: string }) {
  const { items, unread, markRead } = useNotifications(userId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const label =
    unread === 0 ? "Notifikationer, ingen ulæste" : `Notifikationer, ${unreadText(unread)}`;

  return (
    <div
      className="notification-bell"
      ref={wrapperRef}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="bell-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <BellGlyph />
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      <div
        id={panelId}
        className="bell-panel"
        hidden={!open}
        role="region"
        aria-labelledby={headingId}
      >
        <div className="bell-panel-header">
          <h2 id={headingId}>Notifikationer</h2>
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={unread === 0}
            onClick={() => void markRead(null)}
          >
            Markér alle som læst
          </button>
        </div>
        {items.length === 0 ? (
          <p className="bell-empty">Intet nyt, der vedrører dig.</p>
        ) : (
          <ul className="bell-list">
            {items.map((item) => (
              <li key={item.id} className="bell-entry" data-read={item.read}>
                <span className="bell-kind">
                  {NOTIFICATION_KIND_LABELS[item.kind] ?? "Besked"}
                  {!item.read && <span className="bell-unread"> · ulæst</span>}
                </span>
                {item.meetingId && item.itemId ? (
                  <RouterLink
                    href={meetingPath(item.meetingId, item.itemId)}
                    className="bell-text"
                    onClick={() => {
                      setOpen(false);
                      if (!item.read) void markRead([item.id]);
                    }}
                  >
                    {item.text}
                  </RouterLink>
                ) : (
                  <span className="bell-text">{item.text}</span>
                )}
                <span className="bell-time">{formatDateTime(item.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function BellGlyph() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M10 2a5 5 0 0 0-5 5v3.2L3.4 13a.8.8 0 0 0 .7 1.2h11.8a.8.8 0 0 0 .7-1.2L15 10.2V7a5 5 0 0 0-5-5Zm-2 13.5a2 2 0 0 0 4 0Z"
        fill="currentColor"
      />
    </svg>
  );
}
