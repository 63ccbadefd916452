import { useEffect, useState } from "react";
import { ApiError } from "../api/apiFetch";
import { fetchItems } from "../api/itemsApi";
import type { ItemSummary } from "../api/types";
import { itemPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { caseLine } from "./caseLine";

type Load =
  { status: "loading" } | { status: "loaded"; items: ItemSummary[] } | { status: "failed" };

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
      {load.status === "loaded" && load.items.length > 0 && (
        <ul className="item-list">
          {load.items.map((item) => (
            <li key={item.id}>
              <RouterLink href={itemPath(item.id)} className="item-link">
                <span className="item-link-title">{item.title}</span>
                <span className="case-line">{caseLine(item)}</span>
              </RouterLink>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
