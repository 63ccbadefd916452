import { useId, useState } from "react";
import type { AgendaItem } from "../../shared/model/agenda";
import { isOfficerOf } from "../../shared/permissions";
import { handOffItem } from "../api/workflowApi";
import { ConfirmDialog } from "../workflow";
import type { OfficerCandidate } from "./useOfficerCandidates";

interface HandoffButtonProps {
  item: Pick<AgendaItem, "id" | "title" | "officers">;
  /** The signed-in person's initials: an officer hands on their own part. */
  myInitials: string;
  candidates: readonly OfficerCandidate[];
  announce: (text: string) => void;
}

/**
 * "Giv videre til …": a dialog to choose the member who takes the item over and write them a
 * note. The server checks who may hand on, stores the new officers and audits the hand-off;
 * the agenda shows the change live.
 */
export function HandoffButton({ item, myInitials, candidates, announce }: HandoffButtonProps) {
  const [open, setOpen] = useState(false);
  const selectId = useId();
  const from = isOfficerOf(myInitials, item.officers) ? myInitials : (item.officers[0] ?? null);
  const choices = candidates.filter(
    (candidate) => from === null || !isOfficerOf(candidate.initials, [from]),
  );
  const [to, setTo] = useState("");
  const chosen = choices.find((candidate) => candidate.id === to) ?? choices[0];

  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={choices.length === 0}
        onClick={() => setOpen(true)}
      >
        Giv videre til …
      </button>
      {open && chosen && (
        <ConfirmDialog
          title={`Giv «${item.title}» videre`}
          confirmLabel="Giv videre"
          reasonLabel="Besked til den, der overtager punktet"
          onConfirm={async (note) => {
            await handOffItem(item.id, chosen.id, note ?? "");
            announce(`Punktet er givet videre til ${chosen.name}.`);
          }}
          onClose={() => setOpen(false)}
        >
          <div className="form-field">
            <label htmlFor={selectId}>Giv videre til</label>
            <select id={selectId} value={chosen.id} onChange={(event) => setTo(event.target.value)}>
              {choices.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.initials})
                </option>
              ))}
            </select>
          </div>
          {from && (
            <p className="field-hint">
              {isOfficerOf(myInitials, [from])
                ? "Du bliver taget af punktet."
                : `${from} bliver taget af punktet.`}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
