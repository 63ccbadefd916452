import { useEffect, useState } from "react";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { ApiError } from "../api/apiFetch";
import { fetchItems } from "../api/itemsApi";
import type { ItemSummary } from "../api/types";
import { itemPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { caseLine } from "./caseLine";
import { itemHeading } from "./itemHeading";

type Load =
  { status: "loading" } | { status: "loaded"; items: ItemSummary[] } | { status: "failed" };

interface MeetingGroup {
  key: string;
  heading: string;
  date: string;
  items: ItemSummary[];
}

/** Items by meeting, newest meeting first, items in agenda order ("2.9" before "2.10"). */
function groupByMeeting(items: ItemSummary[]): MeetingGroup[] {
  const groups = new Map<string, MeetingGroup>();
  for (const item of items) {
    const key = item.meetingId ?? "";
    let group = groups.get(key);
    if (!group) {
      const date = item.meetingDate ?? "";
      const title = item.meetingTitle ?? "Punkter";
      group = {
        key,
        date,
        heading: date ? `${title}, ${formatDanishDate(date)}` : title,
        items: [],
      };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const byNumber = (a: ItemSummary, b: ItemSummary) =>
    (a.number ?? "").localeCompare(b.number ?? "", "da", { numeric: true });
  return [...groups.values()]
    .map((group) => ({ ...group, items: group.items.sort(byNumber) }))
    .sort((a, b) => b.date.localeCompare(a.date));
}

/** A plain list of the items the server knows; the agenda builder will replace it. */
export function StartPage({ onUnauthenticated }: { onUnauthenticated: () => void }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useDocumentTitle("Punkter");

  useEffect(() => {
    const controller = new AbortController();
    fetchItems(controller.signal).then(
      (items) => setLoad({ status: "loaded", items }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        console.error("loading items failed", error);
        setLoad({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [onUnauthenticated]);

  return (
    <main className="page" id="main">
      <h1>Punkter</h1>
      {load.status === "loading" && <p className="muted">Henter punkter …</p>}
      {load.status === "failed" && (
        <p className="notice notice-error" role="alert">
          Punkterne kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      )}
      {load.status === "loaded" && load.items.length === 0 && <p>Der er ingen punkter endnu.</p>}
      {load.status === "loaded" &&
        groupByMeeting(load.items).map((group) => (
          <section key={group.key} className="meeting-group" aria-label={group.heading}>
            <h2>{group.heading}</h2>
            <ul className="item-list">
              {group.items.map((item) => (
                <li key={item.id}>
                  <RouterLink href={itemPath(item.id)} className="item-link">
                    <span className="item-link-title">{itemHeading(item)}</span>
                    {caseLine(item) !== "" && <span className="case-line">{caseLine(item)}</span>}
                  </RouterLink>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </main>
  );
}
