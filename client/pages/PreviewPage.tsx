import { useEffect, useState } from "react";
import { hasFile } from "../../shared/model/agenda";
import { formatOfficers } from "../../shared/model/caseNumber";
import { formatDanishDate, formatHeaderDate } from "../../shared/model/formatDanishDate";
import { ApiError } from "../api/apiFetch";
import { attachmentUrl } from "../api/attachmentsApi";
import { fetchCommittees, fetchMeetingDocument } from "../api/meetingsApi";
import type { MeetingDocument } from "../api/meetingTypes";
import { danishClock } from "../meetings/meetingTimeText";
import { renderItemFields } from "../preview/renderBody";
import { pageRules, usePrintPageRules } from "../preview/usePrintPageRules";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { NotFoundPage } from "./NotFoundPage";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../preview/preview.css";

type Load =
  | { status: "loading" }
  | { status: "loaded"; document: MeetingDocument; showClosed: boolean }
  | { status: "notFound" }
  | { status: "failed" };

/**
 * The whole agenda, read-only, laid out like the published documents and printable by the
 * browser: front page, contents, numbered sections and items with their case line, fields and
 * `./.` markers. The print stylesheet hides the app, starts each section on a new page and
 * prints a running header and page numbers as the documents do.
 */
export function PreviewPage({
  id,
  onUnauthenticated,
}: {
  id: string;
  onUnauthenticated: () => void;
}) {
  const [load, setLoad] = useState<Load>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([fetchMeetingDocument(id, controller.signal), fetchCommittees(controller.signal)])
      .then(([document, committees]) => {
        const role = committees.find((c) => c.id === document.meeting.committeeId)?.role;
        setLoad({
          status: "loaded",
          document,
          showClosed: role !== undefined && role !== "laeser",
        });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        if (error instanceof ApiError && error.status === 404) {
          return setLoad({ status: "notFound" });
        }
        console.error("loading the agenda document failed", error);
        setLoad({ status: "failed" });
      });
    return () => controller.abort();
  }, [id, onUnauthenticated]);

  const meeting = load.status === "loaded" ? load.document.meeting : null;
  const runningHeader =
    load.status === "loaded"
      ? `${load.document.committee.name} | ${formatHeaderDate(load.document.meeting.date)}`
      : null;
  usePrintPageRules(runningHeader === null ? null : pageRules(runningHeader));
  useDocumentTitle(meeting ? `Dagsorden ${formatDanishDate(meeting.date)}` : "Dagsorden");

  if (load.status === "notFound") return <NotFoundPage />;
  if (load.status === "failed") {
    return (
      <main className="page" id="main">
        <p className="notice notice-error" role="alert">
          Dagsordenen kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      </main>
    );
  }
  if (load.status === "loading") {
    return (
      <main className="page" id="main">
        <p className="muted">Henter dagsordenen …</p>
      </main>
    );
  }

  const { document, showClosed } = load;
  const m = document.meeting;
  const sections = m.agenda.sections
    .filter((section) => !section.deleted)
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => !item.deleted && (showClosed || !item.closed)),
    }));
  const time = `Kl. ${danishClock(m.startTime)}${m.endTime ? `–${danishClock(m.endTime)}` : ""}`;

  return (
    <main className="preview-page" id="main">
      <div className="preview-toolbar">
        <RouterLink href={meetingPath(m.id)}>Tilbage til mødet</RouterLink>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          Udskriv
        </button>
      </div>
      <article className="preview-document" aria-labelledby="preview-title">
        <header className="preview-front">
          <p className="preview-running-header" aria-hidden="true">
            {runningHeader}
          </p>
          <p className="preview-committee">{document.committee.name}</p>
          <h1 id="preview-title">Dagsorden</h1>
          <p className="preview-meeting-title">{m.title}</p>
          <dl className="preview-facts">
            <dt>Dato</dt>
            <dd>{formatDanishDate(m.date)}</dd>
            <dt>Tid</dt>
            <dd>{time}</dd>
            {m.place.trim() !== "" && (
              <>
                <dt>Sted</dt>
                <dd>{m.place}</dd>
              </>
            )}
          </dl>
        </header>
        <nav className="preview-contents" aria-labelledby="preview-contents-heading">
          <h2 id="preview-contents-heading">Indhold</h2>
          <ol>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#afsnit-${section.id}`}>
                  {document.numbers[section.id]}. {section.title}
                </a>
                {section.items.length > 0 && (
                  <ol>
                    {section.items.map((item) => (
                      <li key={item.id}>
                        <a href={`#punkt-${item.id}`}>
                          {document.numbers[item.id]}. {item.title}
                        </a>
                        {item.closed && (
                          <span className="preview-closed-note"> (lukket punkt)</span>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        </nav>
        {sections.map((section) => (
          <section
            key={section.id}
            className="preview-section"
            aria-labelledby={`afsnit-${section.id}`}
          >
            <h2 id={`afsnit-${section.id}`} className="preview-section-heading">
              {document.numbers[section.id]}. {section.title}
            </h2>
            {section.items.map((item) => {
              const caseLine = [item.caseNumber ?? "", formatOfficers(item.officers)]
                .filter(Boolean)
                .join(" ");
              return (
                <article
                  key={item.id}
                  className={`preview-item${item.closed ? " preview-item-closed" : ""}`}
                  aria-labelledby={`punkt-${item.id}`}
                >
                  <h3 id={`punkt-${item.id}`}>
                    {document.numbers[item.id]}. {item.title}
                  </h3>
                  {caseLine !== "" && <p className="preview-case-line">{caseLine}</p>}
                  {item.closed && <p className="preview-closed">Lukket punkt</p>}
                  {renderItemFields(document.bodies[item.id], item.attachments)}
                  {item.attachments.length > 0 && (
                    <section className="preview-field preview-bilag">
                      <h4>Bilag</h4>
                      <ul>
                        {item.attachments.map((attachment, index) => (
                          <li key={attachment.id}>
                            {hasFile(attachment) ? (
                              <a href={attachmentUrl(attachment.id)} download={attachment.filename}>
                                Bilag {index + 1}: {attachment.filename}
                              </a>
                            ) : (
                              <>
                                Bilag {index + 1}: {attachment.filename} (fil mangler)
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    </section>
                  )}
                </article>
              );
            })}
          </section>
        ))}
      </article>
    </main>
  );
}
