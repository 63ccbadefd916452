import { MEETING_PHASE_LABELS, MEETING_PHASES, type MeetingPhase } from "../../shared/model/agenda";

/** The meeting's four phases as steps, the current one marked (also for screen readers). */
export function PhaseProgress({ phase }: { phase: MeetingPhase }) {
  const current = MEETING_PHASES.indexOf(phase);
  return (
    <ol className="phase-progress" aria-label="Mødets faser">
      {MEETING_PHASES.map((step, index) => {
        const state = index < current ? "done" : index === current ? "current" : "todo";
        return (
          <li key={step} data-state={state} aria-current={state === "current" ? "step" : undefined}>
            <span className="phase-marker" aria-hidden="true">
              {state === "done" ? "✓" : index + 1}
            </span>
            <span className="phase-label">
              {MEETING_PHASE_LABELS[step]}
              {state === "done" && <span className="visually-hidden"> (afsluttet)</span>}
              {state === "current" && <span className="visually-hidden"> (nuværende fase)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
