import { useEffect, useId, useState } from "react";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import type { Meeting } from "../../shared/model/agenda";
import { ApiError } from "../api/apiFetch";
import {
  auditCsvUrl,
  fetchAudit,
  fetchAuditCsv,
  fetchMeetingForAudit,
  type AuditEntry,
} from "../api/auditApi";
import { withoutRepeatedSteps } from "../audit/auditLabels";
import { namesFromCsv } from "../audit/auditNames";
import { AuditTable } from "../audit/AuditTable";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the page
import "../audit/audit.css";

type Load =
  | { status: "loading" }
  | {
      status: "loaded";
      meeting: Meeting;
      entries: AuditEntry[];
      names: Map<string, string>;
      itemTitles: Map<string, string>;
    }
  | { status: "forbidden" }
  | { status: "failed" };

function titlesOf(meeting: Meeting, numbers: Record<string, string>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const section of meeting.agenda.sections) {
    for (const item of section.items) {
      const number = numbers[item.id];
      titles.set(item.id, number ? `${number}. ${item.title}` : item.title);
    }
  }
  return titles;
}

/** A meeting's audit log, for the secretariat, the chair and the director; exportable as CSV. */
export function AuditPage({
  id,
  onUnauthenticated,
}: {
  id: string;
  onUnauthenticated: () => void;
}) {
  const filterId = useId();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [itemFilter, setItemFilter] = useState(
    () => new URLSearchParams(location.search).get("punkt") ?? "",
  );
  useDocumentTitle(
    load.status === "loaded" ? `Revisionsspor – ${load.meeting.title}` : "Revisionsspor",
  );

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([fetchMeetingForAudit(id, signal), fetchAudit(id, signal)])
      .then(async ([{ meeting, numbers }, entries]) => {
        // Names are a nicety: without them the ids are shown.
        const csv = await fetchAuditCsv(id, signal).catch((error: unknown) => {
          if (!signal.aborted) console.warn("audit names unavailable", error);
          return "";
        });
        setLoad({
          status: "loaded",
          meeting,
          entries: withoutRepeatedSteps(entries).sort((a, b) => b.seq - a.seq),
          names: namesFromCsv(entries, csv),
          itemTitles: titlesOf(meeting, numbers),
        });
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
          return setLoad({ status: "forbidden" });
        }
        console.error("loading the audit log failed", error);
        setLoad({ status: "failed" });
      });
    return () => controller.abort();
  }, [id, onUnauthenticated]);

  const shown =
    load.status === "loaded"
      ? load.entries.filter((e) => itemFilter === "" || e.itemId === itemFilter)
      : [];
  const itemsInLog =
    load.status === "loaded"
      ? [...new Set(load.entries.flatMap((e) => (e.itemId ? [e.itemId] : [])))]
      : [];

  return (
    <main className="page" id="main">
      <nav className="breadcrumb" aria-label="Brødkrumme">
        <RouterLink href={meetingPath(id)}>
          {load.status === "loaded" ? load.meeting.title : "Mødet"}
        </RouterLink>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Revisionsspor</span>
      </nav>
      <h1>Revisionsspor</h1>
      {load.status === "loading" && <p className="muted">Henter …</p>}
      {load.status === "forbidden" && (
        <p className="notice">Revisionssporet kan ses af sekretariatet, formanden og direktøren.</p>
      )}
      {load.status === "failed" && (
        <p className="notice notice-error" role="alert">
          Revisionssporet kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      )}
      {load.status === "loaded" && (
        <>
          <p className="muted">
            {load.meeting.title}, {formatDanishDate(load.meeting.date)}. Hvem gjorde hvad og hvornår
            – nyeste først.
          </p>
          <div className="audit-tools">
            <div className="form-field">
              <label htmlFor={filterId}>Vis</label>
              <select
                id={filterId}
                value={itemFilter}
                onChange={(event) => setItemFilter(event.target.value)}
              >
                <option value="">Hele mødet</option>
                {itemsInLog.map((itemId) => (
                  <option key={itemId} value={itemId}>
                    {load.itemTitles.get(itemId) ?? itemId}
                  </option>
                ))}
              </select>
            </div>
            <a className="button" href={auditCsvUrl(id)} download>
              Hent som CSV
            </a>
          </div>
          <p className="muted" aria-live="polite">
            {shown.length === 1 ? "1 hændelse" : `${shown.length} hændelser`}
          </p>
          <AuditTable entries={shown} names={load.names} itemTitles={load.itemTitles} />
        </>
      )}
    </main>
  );
}
