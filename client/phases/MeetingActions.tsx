import { useCallback, useRef } from "react";
import type { Meeting } from "../../shared/model/agenda";
import { roleMay } from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { publicSiteUrl } from "../api/publicationApi";
import { ExportLinks } from "../publication/ExportLinks";
import { minutesPath, publishPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { minutesOpen } from "../minutes/minutesOpen";
import { PhaseActions } from "./PhaseActions";
import { PhaseProgress } from "./PhaseProgress";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "./phases.css";

interface MeetingActionsProps {
  meeting: Meeting;
  role: Role | null;
  /** Polite announcements (a live region the host page owns). */
  announce: (text: string) => void;
  onUnauthenticated: () => void;
  /** The meeting after a phase step; the live meeting document brings it too. */
  onStepped?: (meeting: Meeting) => void;
  /** Where focus goes after a phase step (default: the phase buttons). */
  focusAfterStep?: () => HTMLElement | null;
  /** Hide the link to minutes mode (on the minutes page itself). */
  onMinutesPage?: boolean;
}

/**
 * The meeting's phase and what can be done with it: the phase steps this person may take,
 * minutes mode, publishing, exports and the public site. For the meeting page and minutes mode.
 */
export function MeetingActions(props: MeetingActionsProps) {
  const { meeting, role, announce, onUnauthenticated, onStepped, onMinutesPage, focusAfterStep } =
    props;
  const sectionRef = useRef<HTMLElement>(null);
  // After a step its button is gone: the host's choice, else the next step, else this panel.
  const afterStep = useCallback(
    () =>
      focusAfterStep?.() ??
      sectionRef.current?.querySelector<HTMLElement>(".phase-actions button") ??
      sectionRef.current,
    [focusAfterStep],
  );
  const minutesTaken = minutesOpen(meeting.phase, meeting.date);
  const writing = role === "sekretariat" && minutesTaken && meeting.phase !== "referat_godkendt";
  const mayPublish = roleMay(role, "editAgenda") && meeting.phase !== "forberedelse";
  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      className="meeting-actions"
      aria-label="Mødets fase, referat og offentliggørelse"
    >
      <PhaseProgress phase={meeting.phase} />
      <div className="meeting-actions-row">
        <PhaseActions
          meeting={meeting}
          role={role}
          announce={announce}
          onUnauthenticated={onUnauthenticated}
          {...(onStepped ? { onStepped } : {})}
          focusAfterStep={afterStep}
        />
        <nav className="meeting-links" aria-label="Referat og offentliggørelse">
          {!onMinutesPage &&
            minutesTaken &&
            (role !== "laeser" || meeting.phase === "referat_godkendt") && (
              <RouterLink
                className={writing ? "button button-primary" : "button"}
                href={minutesPath(meeting.id)}
              >
                {writing ? "Skriv referat" : "Referat"}
              </RouterLink>
            )}
          {mayPublish && (
            <RouterLink className="button" href={publishPath(meeting.id)}>
              Offentliggør
            </RouterLink>
          )}
          <ExportLinks meetingId={meeting.id} phase={meeting.phase} role={role} />
          <a className="meeting-public-link" href={publicSiteUrl(meeting.committeeId)}>
            Offentlig side
          </a>
        </nav>
      </div>
    </section>
  );
}
