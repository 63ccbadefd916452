import { saveIndicator, saveIndicatorText, type SaveState } from "../sync/saveState";

interface SaveStatusProps {
  state: SaveState;
  editable?: boolean;
  /**
   * Text of this item was refused a moment ago (the notice is still open): until the person
   * has written something new, the status says so rather than "Forbundet".
   */
  refused?: boolean;
}

/**
 * The durability indicator: a polite live region, so changes are announced without
 * interrupting. For someone who cannot edit, being offline only means the text may be behind.
 */
export function SaveStatus({ state, editable = true, refused = false }: SaveStatusProps) {
  let indicator = saveIndicator(state);
  if (refused && (indicator === "connected" || indicator === "connecting")) indicator = "refused";
  const text = !editable && indicator === "offline" ? "Offline" : saveIndicatorText[indicator];
  return (
    <p className="save-status" data-state={indicator} role="status" aria-live="polite">
      <span className="save-status-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
