import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { Meeting, MeetingPhase } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { unapprovedItems, type UnapprovedItem } from "../../shared/model/unapprovedItems";
import { isRecordFrozen, roleMay } from "../../shared/permissions";
import { ApiError } from "../api/apiFetch";
import type { CommitteeMembership } from "../api/meetingTypes";
import {
  DOCUMENT_KIND_LABELS,
  fetchPersonalDataCheck,
  fetchPublications,
  publicDocumentUrl,
  publicSiteUrl,
  publish,
  type DocumentKind,
  type PersonalDataCheck as CheckResult,
  type Publication,
} from "../api/publicationApi";
import { useAnnouncer } from "../agenda/useAnnouncer";
import { PhaseActions } from "../phases/PhaseActions";
import { UnapprovedItemsList } from "../phases/UnapprovedItemsList";
import { PersonalDataCheck } from "../publication/PersonalDataCheck";
import { minutesPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { MeetingBreadcrumb } from "../meetings/MeetingBreadcrumb";
import { fetchMeetingWithCommittee, pageLoadNotice, usePageLoad } from "./usePageLoad";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../phases/phases.css";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "../publication/publication.css";

interface PublishPageProps {
  id: string;
  onUnauthenticated: () => void;
}

const DEFINITE: Record<DocumentKind, string> = { dagsorden: "Dagsordenen", referat: "Referatet" };

const DATE_TIME = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeStyle: "short" });

function formatDanishDateTime(at: number): string {
  return DATE_TIME.format(new Date(at));
}

/** Why a kind cannot be published in this phase, or null when it can. */
function notReadyReason(kind: DocumentKind, phase: MeetingPhase): string | null {
  if (kind === "dagsorden" && phase === "forberedelse") {
    return "Dagsordenen skal være udsendt, før den kan offentliggøres.";
  }
  if (kind === "referat" && phase !== "referat_godkendt") {
    return "Referatet skal være godkendt af formanden, før det kan offentliggøres.";
  }
  return null;
}

/**
 * Publishing a meeting's agenda or minutes on the public site: the personal-data check first,
 * every finding fixed or accepted, then the public version (closed items' bodies and bilag
 * left out) is published and readable without login.
 */
export function PublishPage({ id, onUnauthenticated }: PublishPageProps) {
  const load = usePageLoad(id, fetchMeetingWithCommittee, onUnauthenticated);

  const notice = pageLoadNotice(load, {
    failedText: "Mødet kunne ikke hentes. Prøv at genindlæse siden.",
    loadingText: "Henter mødet …",
  });
  if (notice || load.status !== "loaded") return notice;
  return (
    <PublishWorkspace
      meeting={load.value.meeting}
      committee={load.value.committee}
      onUnauthenticated={onUnauthenticated}
    />
  );
}

interface PublishWorkspaceProps {
  meeting: Meeting;
  committee: CommitteeMembership | null;
  onUnauthenticated: () => void;
}

function PublishWorkspace({ committee, onUnauthenticated, ...props }: PublishWorkspaceProps) {
  // The agenda can be sent out from here; the meeting is then the one the step answered.
  const [meeting, setMeeting] = useState(props.meeting);
  const kindName = useId();
  // What to check: the kind chosen and how many times the check was asked for again.
  const [request, setRequest] = useState<{ kind: DocumentKind; run: number }>({
    kind: meeting.phase === "referat_godkendt" ? "referat" : "dagsorden",
    run: 0,
  });
  const kind = request.kind;
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [publications, setPublications] = useState<Publication[]>([]);
  // The items not Godkendt as the server last listed them (else as the loaded meeting says),
  // and whether the person has confirmed publishing with exactly these.
  const [unapproved, setUnapproved] = useState<UnapprovedItem[]>(() =>
    unapprovedItems(props.meeting.agenda),
  );
  const [confirmed, setConfirmed] = useState(false);
  const confirmId = useId();
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [published, setPublished] = useState<{
    kind: DocumentKind;
    publication: Publication;
  } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const { message, announce } = useAnnouncer();
  const steppedHere = useRef(false);
  const role = committee?.role ?? null;
  const mayPublish = roleMay(role, "editAgenda");
  const notReady = notReadyReason(kind, meeting.phase);
  useDocumentTitle(`Offentliggør: ${meeting.title}, ${formatDanishDate(meeting.date)}`);

  useEffect(() => {
    if (!mayPublish) return;
    const controller = new AbortController();
    // oxlint-disable-next-line react/set-state-in-effect
    setChecking(true);
    setCheckError(null);
    fetchPersonalDataCheck(meeting.id, request.kind, controller.signal)
      .then((result) => setCheck(result))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        console.error("the personal-data check failed", error);
        setCheck(null);
        setCheckError("Tjekket kunne ikke gennemføres. Prøv igen.");
      })
      .finally(() => {
        if (!controller.signal.aborted) setChecking(false);
      });
    return () => controller.abort();
  }, [meeting.id, request, mayPublish, onUnauthenticated]);

  // Sent out from here: the step's button is gone with the notice; go on to the check.
  useEffect(() => {
    if (!steppedHere.current || meeting.phase === "forberedelse") return;
    steppedHere.current = false;
    document.getElementById("pd-check-heading")?.focus();
  }, [meeting.phase]);

  const recheck = useCallback(() => setRequest((r) => ({ ...r, run: r.run + 1 })), []);

  // What is published already (every version is kept; the newest of a kind is current).
  useEffect(() => {
    if (!mayPublish) return;
    const controller = new AbortController();
    fetchPublications(meeting.id, controller.signal).then(setPublications, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
      console.warn("loading the meeting's publications failed", error);
    });
    return () => controller.abort();
  }, [meeting.id, mayPublish, onUnauthenticated]);

  const findings = check?.findings ?? [];
  const openFindings = findings.filter((finding) => finding.acceptance === null).length;
  const unseenBilag = (check?.unchecked ?? []).filter((bilag) => bilag.acceptance === null).length;
  const current = publications.find((p) => p.kind === kind && p.replacedBy === null) ?? null;
  const blocked =
    notReady !== null
      ? "Kan ikke offentliggøres endnu (se ovenfor)."
      : openFindings > 0
        ? "Ret eller godkend først hvert fund."
        : unseenBilag > 0
          ? "Se først de bilag igennem, som ikke kunne læses automatisk."
          : unapproved.length > 0 && !confirmed
            ? "Bekræft først, at punkter, der ikke er godkendt, skal offentliggøres."
            : null;

  async function doPublish() {
    setPublishing(true);
    setPublishError(null);
    try {
      const publication = await publish(
        meeting.id,
        kind,
        unapproved.map((item) => item.id),
      );
      setPublished({ kind, publication });
      setPublications((list) => [
        publication,
        ...list.map((p) =>
          p.kind === kind && p.replacedBy === null ? { ...p, replacedBy: publication.id } : p,
        ),
      ]);
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
      console.error("publishing failed", error);
      if (error instanceof ApiError && error.code === "personal_data_found") {
        // The texts changed since the check: show what is there now.
        setPublishError(
          "Teksterne er ændret siden tjekket, og der er nye fund. Se listen igen, og ret eller godkend dem.",
        );
        recheck();
      } else if (error instanceof ApiError && error.code === "unapproved_items") {
        // The list changed since the page was loaded: show the server's, and ask again.
        const items = (error.details as { items?: UnapprovedItem[] } | undefined)?.items ?? [];
        setUnapproved(items);
        setConfirmed(false);
        setPublishError(error.message);
      } else {
        setPublishError(
          error instanceof ApiError ? error.message : "Offentliggørelsen mislykkedes. Prøv igen.",
        );
      }
    } finally {
      setPublishing(false);
    }
  }

  return (
    <main className="page publish-page" id="main">
      <MeetingBreadcrumb meeting={meeting} committee={committee} current="Offentliggør" />
      <h1>Offentliggør</h1>
      <p className="publish-meeting">
        {committee?.name ? `${committee.name}: ` : ""}
        {meeting.title}, {formatDanishDate(meeting.date)}
      </p>
      {!mayPublish ? (
        <p className="notice">
          Kun sekretariatet kan offentliggøre. Det offentliggjorte kan læses på{" "}
          <a href={publicSiteUrl(meeting.committeeId)}>den offentlige side</a>.
        </p>
      ) : (
        <>
          <fieldset className="publish-kind">
            <legend>Hvad skal offentliggøres?</legend>
            {(["dagsorden", "referat"] as const).map((option) => (
              <label key={option} className="radio-label">
                <input
                  type="radio"
                  name={kindName}
                  value={option}
                  checked={kind === option}
                  onChange={() => {
                    setRequest({ kind: option, run: 0 });
                    setCheck(null);
                    setPublished(null);
                    setPublishError(null);
                  }}
                />
                {DOCUMENT_KIND_LABELS[option]}
                {notReadyReason(option, meeting.phase) !== null && (
                  <span className="muted"> (ikke klar)</span>
                )}
              </label>
            ))}
          </fieldset>
          {notReady !== null && (
            <div className="notice publish-not-ready">
              <p>
                {notReady}{" "}
                {kind === "referat" && meeting.phase === "afholdt" && (
                  <RouterLink href={minutesPath(meeting.id)}>Gå til referatet</RouterLink>
                )}
              </p>
              {kind === "dagsorden" && (
                <PhaseActions
                  meeting={meeting}
                  role={role}
                  announce={announce}
                  onStepped={(next) => {
                    steppedHere.current = true;
                    setMeeting(next);
                  }}
                  onUnauthenticated={onUnauthenticated}
                />
              )}
            </div>
          )}
          <PersonalDataCheck
            meetingId={meeting.id}
            kind={kind}
            check={check}
            loading={checking}
            error={checkError}
            onCheckChange={setCheck}
            onRecheck={recheck}
            announce={announce}
            onUnauthenticated={onUnauthenticated}
            recordFrozen={isRecordFrozen(meeting.phase)}
          />
          <section className="publish-action" aria-labelledby="publish-heading">
            <h2 id="publish-heading">Offentliggør {DOCUMENT_KIND_LABELS[kind].toLowerCase()}</h2>
            <p className="muted">
              Den offentlige version udelader lukkede punkters sagsfremstilling, beslutning og bilag
              (titlen står, mærket »Lukket punkt«) og de bilag, der er valgt ikke at blive
              offentliggjort. Kommentarer kommer aldrig med. Dokumenterne laves én gang nu og vises
              derefter, som de er.
            </p>
            {current !== null && (
              <p className="publish-current">
                {DEFINITE[kind]} blev offentliggjort {formatDanishDateTime(current.publishedAt)}
                {current.reopenedAt !== null ? " og er siden genåbnet" : ""}.{" "}
                <a href={publicDocumentUrl(current.id)}>Se den offentliggjorte udgave</a>. En ny
                offentliggørelse erstatter den; den tidligere kan stadig læses, mærket som
                erstattet.
              </p>
            )}
            {unapproved.length > 0 && notReady === null && (
              <div className="publish-unapproved">
                <UnapprovedItemsList
                  items={unapproved}
                  intro={`${unapproved.length === 1 ? "Dette punkt er" : `Disse ${unapproved.length} punkter er`} ikke godkendt:`}
                />
                <label className="checkbox-label" htmlFor={confirmId}>
                  <input
                    id={confirmId}
                    type="checkbox"
                    checked={confirmed}
                    onChange={(event) => setConfirmed(event.target.checked)}
                  />{" "}
                  Jeg ved, at {unapproved.length === 1 ? "punktet ikke er" : "punkterne ikke er"}{" "}
                  godkendt, og vil offentliggøre alligevel. Det skrives i revisionssporet.
                </label>
              </div>
            )}
            <button
              type="button"
              className="button button-primary"
              disabled={blocked !== null || publishing || checking || check === null}
              aria-describedby={blocked !== null ? "publish-blocked" : undefined}
              onClick={() => void doPublish()}
            >
              {publishing
                ? "Offentliggør …"
                : `Offentliggør ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}`}
            </button>
            {blocked !== null && (
              <p id="publish-blocked" className="publish-blocked">
                {blocked}
              </p>
            )}
            {publishError !== null && (
              <p className="notice notice-error" role="alert">
                {publishError}
              </p>
            )}
            {published !== null && (
              <div ref={resultRef} tabIndex={-1} className="notice notice-success" role="status">
                <p>
                  {DEFINITE[published.kind]} er offentliggjort{" "}
                  {new Intl.DateTimeFormat("da-DK", { timeStyle: "short" }).format(
                    new Date(published.publication.publishedAt),
                  )}
                  .
                </p>
                <p>
                  <a href={publicDocumentUrl(published.publication.id)}>
                    Se den offentliggjorte {DOCUMENT_KIND_LABELS[published.kind].toLowerCase()}
                  </a>{" "}
                  ·{" "}
                  <a href={publicSiteUrl(meeting.committeeId)}>
                    Offentlig side for {committee?.name ?? "udvalget"}
                  </a>
                </p>
              </div>
            )}
          </section>
        </>
      )}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </div>
    </main>
  );
}
