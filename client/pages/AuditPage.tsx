import { useEffect, useId, useState } from "react";
import type { AuditCategory, AuditListing } from "../../shared/audit";
import { roleMay } from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { ApiError, apiFetch } from "../api/apiFetch";
import {
  auditCsvUrl,
  fetchAuditLog,
  fetchMeetingForAudit,
  NO_AUDIT_FILTER,
  type AuditFilter,
} from "../api/auditApi";
import { AuditTable } from "../audit/AuditTable";
import { auditPath, meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the page
import "../audit/audit.css";

interface Committee {
  id: string;
  name: string;
}

type Setup =
  | { status: "loading" }
  | { status: "ready"; committees: Committee[]; committeeId: string }
  | { status: "forbidden" }
  | { status: "failed" };

type Listing =
  | { status: "loading"; previous: AuditListing | null }
  | { status: "loaded"; listing: AuditListing }
  | { status: "failed" };

/** The committees whose audit log the person may read. */
async function auditableCommittees(signal: AbortSignal): Promise<Committee[]> {
  const { committees } = await apiFetch<{ committees: (Committee & { role: Role })[] }>(
    "/api/committees",
    { signal },
  );
  return committees.filter((committee) => roleMay(committee.role, "viewAudit"));
}

function filterFromUrl(meetingId: string | null): AuditFilter {
  const params = new URLSearchParams(location.search);
  const category = params.get("category") ?? "";
  return {
    category: category as AuditCategory | "",
    userId: params.get("userId") ?? "",
    meetingId: meetingId ?? params.get("meetingId") ?? "",
    // "punkt" is what the item page's link says.
    itemId: params.get("itemId") ?? params.get("punkt") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
}

/**
 * The audit log (revisionsspor) of a committee, for the secretariat, the chair and the
 * director: logins and lockouts, every step on meetings, items and publications, with readable
 * details; filtered by kind of action, person, meeting and dates; exportable as CSV.
 */
export function AuditPage({
  meetingId,
  onUnauthenticated,
}: {
  /** Opens the log filtered on this meeting's entries. */
  meetingId: string | null;
  onUnauthenticated: () => void;
}) {
  const [setup, setSetup] = useState<Setup>({ status: "loading" });
  const [filter, setFilter] = useState<AuditFilter>(() => filterFromUrl(meetingId));
  const [listing, setListing] = useState<Listing>({ status: "loading", previous: null });
  const committee =
    setup.status === "ready" ? setup.committees.find((c) => c.id === setup.committeeId) : undefined;
  useDocumentTitle(committee ? `Revisionsspor – ${committee.name}` : "Revisionsspor");

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    (async () => {
      const committees = await auditableCommittees(signal);
      const wanted = meetingId
        ? (await fetchMeetingForAudit(meetingId, signal)).meeting.committeeId
        : new URLSearchParams(location.search).get("committee");
      const chosen =
        committees.find((c) => c.id === wanted) ?? (meetingId ? undefined : committees[0]);
      setSetup(
        chosen ? { status: "ready", committees, committeeId: chosen.id } : { status: "forbidden" },
      );
    })().catch((error: unknown) => {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        return setSetup({ status: "forbidden" });
      }
      console.error("loading the audit log's committees failed", error);
      setSetup({ status: "failed" });
    });
    return () => controller.abort();
  }, [meetingId, onUnauthenticated]);

  const committeeId = setup.status === "ready" ? setup.committeeId : null;
  useEffect(() => {
    if (committeeId === null) return;
    const controller = new AbortController();
    // Keeps the rows shown while new ones load, marked busy.
    // oxlint-disable-next-line react/set-state-in-effect
    setListing((current) => ({
      status: "loading",
      previous: current.status === "loaded" ? current.listing : null,
    }));
    // The filters are part of the address, so a filtered log can be bookmarked and shared.
    const params = new URLSearchParams(
      Object.entries({ ...filter, committee: committeeId }).filter(([, v]) => v !== ""),
    );
    history.replaceState(history.state, "", `${location.pathname}?${params.toString()}`);
    fetchAuditLog(committeeId, filter, controller.signal).then(
      (loaded) => setListing({ status: "loaded", listing: loaded }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        console.error("loading the audit log failed", error);
        setListing({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [committeeId, filter, onUnauthenticated]);

  const shown =
    listing.status === "loaded"
      ? listing.listing
      : listing.status === "loading"
        ? listing.previous
        : null;

  return (
    <main className="page" id="main">
      <nav className="breadcrumb" aria-label="Brødkrumme">
        {meetingId ? (
          <RouterLink href={meetingPath(meetingId)}>Mødet</RouterLink>
        ) : (
          <RouterLink href="/">Møder</RouterLink>
        )}
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Revisionsspor</span>
      </nav>
      <h1>Revisionsspor{committee ? `: ${committee.name}` : ""}</h1>
      {setup.status === "loading" && <p className="muted">Henter …</p>}
      {setup.status === "forbidden" && (
        <p className="notice">Revisionssporet kan ses af sekretariatet, formanden og direktøren.</p>
      )}
      {(setup.status === "failed" || listing.status === "failed") && (
        <p className="notice notice-error" role="alert">
          Revisionssporet kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      )}
      {setup.status === "ready" && (
        <>
          <p className="muted">
            Hvem gjorde hvad og hvornår – nyeste først. Tider er dansk tid.
            {meetingId && (
              <>
                {" "}
                <RouterLink href={auditPath()}>Se hele udvalgets revisionsspor</RouterLink>
              </>
            )}
          </p>
          <AuditFilters
            committees={setup.committees}
            committeeId={setup.committeeId}
            onCommittee={(id) => {
              setSetup({ ...setup, committeeId: id });
              setFilter(NO_AUDIT_FILTER);
            }}
            filter={filter}
            onFilter={setFilter}
            listing={shown}
          />
          {shown && (
            <div aria-busy={listing.status === "loading"}>
              <p className="muted" aria-live="polite">
                {shown.rows.length === 1 ? "1 hændelse" : `${shown.rows.length} hændelser`}
              </p>
              <AuditTable rows={shown.rows} />
            </div>
          )}
        </>
      )}
    </main>
  );
}

interface AuditFiltersProps {
  committees: readonly Committee[];
  committeeId: string;
  onCommittee: (id: string) => void;
  filter: AuditFilter;
  onFilter: (filter: AuditFilter) => void;
  listing: AuditListing | null;
}

/** The filters, each applied at once; the CSV link carries the same filters. */
function AuditFilters(props: AuditFiltersProps) {
  const { committees, committeeId, filter, onFilter, listing } = props;
  const ids = {
    committee: useId(),
    category: useId(),
    person: useId(),
    meeting: useId(),
    item: useId(),
    from: useId(),
    to: useId(),
  };
  const set = (change: Partial<AuditFilter>) => onFilter({ ...filter, ...change });
  const filtered = Object.values(filter).some((value) => value !== "");
  return (
    <form
      className="audit-tools"
      aria-label="Filtrér revisionssporet"
      onSubmit={(e) => e.preventDefault()}
    >
      {committees.length > 1 && (
        <div className="form-field">
          <label htmlFor={ids.committee}>Udvalg</label>
          <select
            id={ids.committee}
            value={committeeId}
            onChange={(event) => props.onCommittee(event.target.value)}
          >
            {committees.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-field">
        <label htmlFor={ids.category}>Handling</label>
        <select
          id={ids.category}
          value={filter.category}
          onChange={(event) => set({ category: event.target.value as AuditCategory | "" })}
        >
          <option value="">Alle handlinger</option>
          {listing?.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={ids.person}>Person</label>
        <select
          id={ids.person}
          value={filter.userId}
          onChange={(event) => set({ userId: event.target.value })}
        >
          <option value="">Alle personer</option>
          {listing?.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={ids.meeting}>Møde</label>
        <select
          id={ids.meeting}
          value={filter.meetingId}
          onChange={(event) => set({ meetingId: event.target.value, itemId: "" })}
        >
          <option value="">Alle møder og logins</option>
          {listing?.meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={ids.item}>Punkt</label>
        <select
          id={ids.item}
          value={filter.itemId}
          onChange={(event) => set({ itemId: event.target.value })}
        >
          <option value="">Alle punkter</option>
          {listing?.items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={ids.from}>Fra dato</label>
        <input
          id={ids.from}
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(event) => set({ from: event.target.value })}
        />
      </div>
      <div className="form-field">
        <label htmlFor={ids.to}>Til dato</label>
        <input
          id={ids.to}
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
      </div>
      {filtered && (
        <button type="button" className="button" onClick={() => onFilter(NO_AUDIT_FILTER)}>
          Nulstil filtre
        </button>
      )}
      <a className="button" href={auditCsvUrl(committeeId, filter)} download>
        Hent som CSV
      </a>
    </form>
  );
}
