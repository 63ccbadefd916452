import { useEffect, useRef, useState } from "react";
import type { Meeting } from "../../shared/model/agenda";
import { unapprovedItems } from "../../shared/model/unapprovedItems";
import {
  MEETING_PHASE_STEPS,
  mayStepMeeting,
  PHASE_STEPS_NEEDING_REASON,
  type MeetingPhaseStep,
} from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { ApiError } from "../api/apiFetch";
import { stepMeeting } from "../api/phasesApi";
import { ConfirmDialog } from "../workflow";
import { PHASE_STEP_TEXTS } from "./phaseStepTexts";
import { UnapprovedItemsList } from "./UnapprovedItemsList";

interface PhaseActionsProps {
  /** The live meeting: its phase, and the items the dialog must name when sending out. */
  meeting: Meeting;
  role: Role | null;
  /** The meeting after a step (the live meeting document follows by itself). */
  onStepped?: (meeting: Meeting) => void;
  announce: (text: string) => void;
  onUnauthenticated: () => void;
  /** Where focus goes after a step (the step's button is gone then); default: this group. */
  focusAfterStep?: () => HTMLElement | null;
}

const STEPS = Object.keys(MEETING_PHASE_STEPS) as MeetingPhaseStep[];

/**
 * The phase steps this person may take now; each is confirmed in a dialog first. Sending the
 * agenda out names the items that are not Godkendt (the confirmation covers exactly those);
 * reopening approved minutes asks why.
 */
export function PhaseActions(props: PhaseActionsProps) {
  const { meeting, role, onStepped, announce, onUnauthenticated, focusAfterStep } = props;
  const { id: meetingId, phase } = meeting;
  const [pending, setPending] = useState<MeetingPhaseStep | null>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  const steppedRef = useRef(false);
  const allowed = STEPS.filter((step) => mayStepMeeting(role, step, phase));

  const unapproved = unapprovedItems(meeting.agenda);

  async function confirm(step: MeetingPhaseStep, reason: string | null) {
    try {
      const stepped = await stepMeeting(meetingId, step, {
        ...(reason !== null ? { reason } : {}),
        ...(step === "sendAgenda"
          ? { confirmUnapprovedItems: unapproved.map((item) => item.id) }
          : {}),
      });
      steppedRef.current = true;
      onStepped?.(stepped);
      announce(PHASE_STEP_TEXTS[step].done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthenticated();
      if (error instanceof ApiError && error.code === "phase_step_not_allowed") {
        throw new ApiError(
          error.status,
          error.code,
          "Mødet er allerede i en anden fase, eller du må ikke tage dette skridt. Genindlæs siden.",
        );
      }
      throw error;
    }
  }

  // The dialog gives focus back to the button that opened it when it unmounts (before this
  // effect runs); after a step that button is gone, so focus goes on from what the step changed.
  useEffect(() => {
    if (pending !== null || !steppedRef.current) return;
    steppedRef.current = false;
    const target =
      focusAfterStep?.() ??
      groupRef.current?.querySelector<HTMLElement>("button") ??
      groupRef.current;
    target?.focus();
  }, [pending, focusAfterStep]);

  if (allowed.length === 0 && pending === null) return null;
  return (
    <div
      ref={groupRef}
      className="phase-actions"
      role="group"
      aria-label="Mødets fase"
      tabIndex={-1}
    >
      {allowed.map((step) => (
        <button
          key={step}
          type="button"
          className={step === "reopenMinutes" ? "button" : "button button-primary"}
          onClick={() => setPending(step)}
        >
          {MEETING_PHASE_STEPS[step].label}
        </button>
      ))}
      {pending !== null && (
        <ConfirmDialog
          title={PHASE_STEP_TEXTS[pending].question}
          confirmLabel={MEETING_PHASE_STEPS[pending].label}
          {...(PHASE_STEPS_NEEDING_REASON.includes(pending)
            ? { reasonLabel: "Hvorfor genåbnes referatet?" }
            : {})}
          onConfirm={(reason) => confirm(pending, reason)}
          onClose={() => setPending(null)}
        >
          <p>{PHASE_STEP_TEXTS[pending].consequence}</p>
          {pending === "sendAgenda" && (
            <UnapprovedItemsList
              items={unapproved}
              intro={`${unapproved.length === 1 ? "Dette punkt er" : `Disse ${unapproved.length} punkter er`} ikke godkendt. Udsender du alligevel, skrives listen i revisionssporet:`}
            />
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
