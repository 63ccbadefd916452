import { useEffect, useState } from "react";
import { ApiError } from "../api/apiFetch";
import { fetchMentions, type Mention } from "../api/commentsApi";
import { fetchItems } from "../api/itemsApi";
import { itemPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { formatDateTime } from "../review/formatDateTime";
import { itemHeading } from "./itemHeading";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the page
import "../review/mentions.css";

type Load =
  | { status: "loading" }
  | { status: "loaded"; mentions: Mention[]; titles: Map<string, string> }
  | { status: "failed" };

/** "Mine omtaler": the comments that mention the signed-in person, newest first. */
export function MentionsPage({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useDocumentTitle("Mine omtaler");

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([fetchMentions(controller.signal), fetchItems(controller.signal)]).then(
      ([mentions, items]) =>
        setLoad({
          status: "loaded",
          mentions: [...mentions].sort((a, b) => b.createdAt - a.createdAt),
          titles: new Map(items.map((item) => [item.id, itemHeading(item)])),
        }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        console.error("loading mentions failed", error);
        setLoad({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [onUnauthenticated]);

  return (
    <main className="page page-medium" id="main">
      <h1>Mine omtaler</h1>
      <p className="muted">Kommentarer, hvor andre har nævnt dig med @.</p>
      {load.status === "loading" && <p className="muted">Henter …</p>}
      {load.status === "failed" && (
        <p className="notice notice-error" role="alert">
          Omtalerne kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      )}
      {load.status === "loaded" && load.mentions.length === 0 && (
        <p>Ingen har nævnt dig i en kommentar endnu.</p>
      )}
      {load.status === "loaded" && load.mentions.length > 0 && (
        <ul className="item-list mention-feed">
          {load.mentions.map((mention) => (
            <li key={`${mention.threadId}-${mention.createdAt}`}>
              <RouterLink
                href={`${itemPath(mention.itemId)}?traad=${encodeURIComponent(mention.threadId)}`}
                className="item-link"
              >
                <span className="item-link-title">
                  {load.titles.get(mention.itemId) ?? "Punkt"}
                </span>
                <span className="mention-text">{mention.text}</span>
                <span className="case-line">
                  {mention.byName} · {formatDateTime(mention.createdAt)}
                </span>
              </RouterLink>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
