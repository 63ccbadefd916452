import { useRef, useState } from "react";
import { ITEM_STATUS_LABELS } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import {
  isRecordFrozen,
  ITEM_TRANSITIONS,
  mayTransition,
  roleMay,
  TRANSITIONS_NEEDING_REASON,
  type ItemTransition,
} from "../../shared/permissions";
import { ApiError } from "../api/apiFetch";
import { RouterLink } from "../routing/RouterLink";
import { auditPath } from "../routing/router";
import type { OpenSuggestion } from "../../shared/suggestions";
import { ConfirmDialog } from "./ConfirmDialog";
import { OpenSuggestionsWarning } from "./OpenSuggestionsWarning";
import type { ItemWorkflow } from "./useItemWorkflow";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./workflow.css";

const ORDER = Object.keys(ITEM_TRANSITIONS) as ItemTransition[];

/** The steps that lead forward get the primary look; sending back and reopening do not. */
const FORWARD: readonly ItemTransition[] = ["sendToReview", "signOff", "approve"];

const REASON_LABELS: Partial<Record<ItemTransition, string>> = {
  sendBack: "Hvorfor sendes punktet tilbage?",
  reopen: "Hvorfor genåbnes punktet?",
};

/**
 * The item's status and the workflow steps the signed-in person may take now (the same rule the
 * server enforces). Steps that need a reason, and approval, are confirmed in a dialog. Status
 * changes by anyone are announced politely.
 */
export function WorkflowBar({
  workflow,
  openSuggestions = [],
}: {
  workflow: ItemWorkflow;
  /** Open suggestions in the text: approval is refused while there are any. */
  openSuggestions?: readonly OpenSuggestion[];
}) {
  const { status, role, isOfficer, detail, meetingPhase } = workflow;
  const [asking, setAsking] = useState<ItemTransition | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // Approved minutes freeze the item: no step until they are reopened (the server refuses too).
  const frozen = meetingPhase !== null && isRecordFrozen(meetingPhase);
  const steps =
    status === null || frozen ? [] : ORDER.filter((t) => mayTransition(role, t, status, isOfficer));

  async function take(step: ItemTransition, reason: string | null) {
    await workflow.transition(step, reason);
    // The button that was pressed is usually gone now: keep focus on the status.
    statusRef.current?.focus();
  }

  async function takeDirectly(step: ItemTransition) {
    setBusy(true);
    setError(null);
    try {
      await take(step, null);
    } catch (caught) {
      console.error(`transition ${step} failed`, caught);
      setError(caught instanceof ApiError ? caught.message : "Det lykkedes ikke. Prøv igen.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="workflow-bar" aria-label="Behandling af punktet">
      <div className="workflow-state">
        <p className="workflow-status" ref={statusRef} tabIndex={-1}>
          Status:{" "}
          <span className="status-badge" data-status={status ?? "ukendt"}>
            {status ? ITEM_STATUS_LABELS[status] : "…"}
          </span>
        </p>
        {detail?.deadline && (
          <p className="workflow-deadline">Frist: {formatDanishDate(detail.deadline)}</p>
        )}
        {detail && roleMay(role, "viewAudit") && (
          <RouterLink
            href={`${auditPath(detail.meetingId)}?punkt=${encodeURIComponent(detail.id)}`}
            className="workflow-audit-link"
          >
            Revisionsspor
          </RouterLink>
        )}
      </div>
      {steps.length > 0 && (
        <div className="workflow-actions">
          {steps.map((step) => (
            <button
              key={step}
              type="button"
              className={FORWARD.includes(step) ? "button button-primary" : "button"}
              disabled={busy}
              onClick={() =>
                step === "approve" || TRANSITIONS_NEEDING_REASON.includes(step)
                  ? setAsking(step)
                  : void takeDirectly(step)
              }
            >
              {ITEM_TRANSITIONS[step].label}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="form-error workflow-error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {workflow.announcement}
      </p>
      {asking !== null && (
        <ConfirmDialog
          title={ITEM_TRANSITIONS[asking].label}
          confirmLabel={ITEM_TRANSITIONS[asking].label}
          {...(REASON_LABELS[asking] ? { reasonLabel: REASON_LABELS[asking] } : {})}
          onConfirm={(reason) => take(asking, reason)}
          onClose={() => setAsking(null)}
        >
          <p>{STEP_EXPLANATIONS[asking]}</p>
          {asking === "approve" && openSuggestions.length > 0 && (
            <OpenSuggestionsWarning suggestions={openSuggestions} onShow={() => setAsking(null)} />
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

const STEP_EXPLANATIONS: Record<ItemTransition, string> = {
  sendToReview: "Punktet sendes til direktøren til gennemsyn.",
  signOff: "Punktet er fagligt gennemgået og går videre til formanden.",
  sendBack: "Punktet går tilbage til kladde, så sagsbehandleren kan rette det.",
  approve:
    "Teksten låses for alle, og der gemmes en version med et fingeraftryk af teksten. " +
    "Kun formanden eller sekretariatet kan genåbne punktet, med en begrundelse.",
  reopen: "Punktet bliver en kladde igen og kan redigeres. Genåbningen skrives i revisionssporet.",
};
