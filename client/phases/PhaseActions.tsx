import { useEffect, useRef, useState } from "react";
import type { Meeting, MeetingPhase } from "../../shared/model/agenda";
import {
  MEETING_PHASE_STEPS,
  mayStepMeeting,
  type MeetingPhaseStep,
} from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { ApiError } from "../api/apiFetch";
import { stepMeeting } from "../api/phasesApi";
import { ConfirmDialog } from "../workflow";
import { PHASE_STEP_TEXTS } from "./phaseStepTexts";

interface PhaseActionsProps {
  meetingId: string;
  phase: MeetingPhase;
  role: Role | null;
  /** The meeting after a step (the live meeting document follows by itself). */
  onStepped?: (meeting: Meeting) => void;
  announce: (text: string) => void;
  onUnauthenticated: () => void;
  /** Where focus goes after a step (the step's button is gone then); default: this group. */
  focusAfterStep?: () => HTMLElement | null;
}

const STEPS = Object.keys(MEETING_PHASE_STEPS) as MeetingPhaseStep[];

/** The phase steps this person may take now; each is confirmed in a dialog first. */
export function PhaseActions(props: PhaseActionsProps) {
  const { meetingId, phase, role, onStepped, announce, onUnauthenticated, focusAfterStep } = props;
  const [pending, setPending] = useState<MeetingPhaseStep | null>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  const stepped = useRef(false);
  const allowed = STEPS.filter((step) => mayStepMeeting(role, step, phase));

  async function confirm(step: MeetingPhaseStep) {
    try {
      const meeting = await stepMeeting(meetingId, step);
      stepped.current = true;
      onStepped?.(meeting);
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
    if (pending !== null || !stepped.current) return;
    stepped.current = false;
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
          onConfirm={() => confirm(pending)}
          onClose={() => setPending(null)}
        >
          <p>{PHASE_STEP_TEXTS[pending].consequence}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
