import { saveIndicator, saveIndicatorText, type SaveState } from "../sync/saveState";

/** The durability indicator: a polite live region, so changes are announced without interrupting. */
export function SaveStatus({ state }: { state: SaveState }) {
  const indicator = saveIndicator(state);
  return (
    <p className="save-status" data-state={indicator} role="status" aria-live="polite">
      <span className="save-status-dot" aria-hidden="true" />
      {saveIndicatorText[indicator]}
    </p>
  );
}
