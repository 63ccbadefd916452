import { useEffect, useState } from "react";
import { formatDocName, parseDocName } from "../../shared/docName";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { ApiError, isNetworkError } from "../api/apiFetch";
import { fetchItem } from "../api/itemsApi";
import type { ItemSummary, SessionUser } from "../api/types";
import { ItemUnavailable } from "../items/ItemUnavailable";
import { ItemWorkspace } from "../items/ItemWorkspace";
import { useItemSession } from "../items/useItemSession";
import { useMeetingPresence } from "../meetings/useMeetingPresence";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { caseLine } from "./caseLine";
import { itemHeading } from "./itemHeading";
import { NotFoundPage } from "./NotFoundPage";

interface ItemPageProps {
  id: string;
  user: SessionUser;
  onUnauthenticated: () => void;
}

type HeaderLoad =
  | { status: "loading" }
  | { status: "loaded"; item: ItemSummary }
  // The server says why the person may not read the item (not sent out, closed, no access).
  | { status: "refused"; code: string; message: string }
  // Offline or a server error: the body may still be edited from the local copy.
  | { status: "unavailable" };

export function ItemPage({ id, user, onUnauthenticated }: ItemPageProps) {
  const validName = parseDocName(formatDocName("item", id)) !== null;
  const [header, setHeader] = useState<HeaderLoad>({ status: "loading" });
  // The session starts at once, not after the header: offline, the body comes from IndexedDB.
  // It is closed as soon as the server says the item cannot be read.
  const refused = header.status === "refused";
  const { session, refusal, dismissRefusal } = useItemSession(validName && !refused ? id : null);
  useDocumentTitle(header.status === "loaded" ? itemHeading(header.item) : "Punkt");
  // Everyone on the meeting sees who has this item open, wherever they opened it.
  useMeetingPresence(header.status === "loaded" ? (header.item.meetingId ?? null) : null, user, id);

  useEffect(() => {
    if (!validName) return;
    const controller = new AbortController();
    fetchItem(id, controller.signal).then(
      (item) => setHeader({ status: "loaded", item }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
          return setHeader({ status: "refused", code: error.code, message: error.message });
        }
        if (!isNetworkError(error)) console.warn("loading item header failed", error);
        setHeader({ status: "unavailable" });
      },
    );
    return () => controller.abort();
  }, [id, validName, onUnauthenticated]);

  if (!validName) return <NotFoundPage />;
  if (header.status === "refused") {
    return <ItemUnavailable code={header.code} message={header.message} />;
  }

  const title = header.status === "loaded" ? itemHeading(header.item) : "Punkt";
  return (
    <main className="page item-page" id="main">
      <nav className="breadcrumb" aria-label="Brødkrumme">
        <RouterLink href="/">Møder</RouterLink>
        <span aria-hidden="true"> / </span>
        {header.status === "loaded" && header.item.meetingId && (
          <>
            <RouterLink href={meetingPath(header.item.meetingId, id)}>
              {header.item.meetingDate
                ? formatDanishDate(header.item.meetingDate)
                : (header.item.meetingTitle ?? "Mødet")}
            </RouterLink>
            <span aria-hidden="true"> / </span>
          </>
        )}
        <span aria-current="page">{title}</span>
      </nav>
      <header className="item-header">
        <h1>{title}</h1>
        {header.status === "loaded" && caseLine(header.item) !== "" && (
          <p className="case-line">{caseLine(header.item)}</p>
        )}
        {header.status === "loaded" && header.item.meetingTitle && (
          <p className="meeting-line">
            {header.item.meetingTitle}
            {header.item.meetingDate ? `, ${formatDanishDate(header.item.meetingDate)}` : ""}
          </p>
        )}
        {header.status === "unavailable" && (
          <p className="muted">Punktets oplysninger kan ikke hentes lige nu.</p>
        )}
      </header>
      {session && (
        <ItemWorkspace
          itemId={id}
          session={session}
          refusal={refusal}
          onDismissRefusal={dismissRefusal}
          user={user}
          label={title}
          layout="page"
          onUnauthenticated={onUnauthenticated}
        />
      )}
    </main>
  );
}
