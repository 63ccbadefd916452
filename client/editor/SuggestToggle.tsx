// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./suggestions.css";

interface SuggestToggleProps {
  enabled: boolean;
  /** The person may only suggest: the mode is shown, not offered. */
  locked: boolean;
  onToggle: () => void;
  /** An edit was just dropped because it cannot be suggested. */
  refusedNotice: boolean;
}

/** "Foreslå ændringer": the switch between editing and suggesting, in the editor bar. */
export function SuggestToggle({ enabled, locked, onToggle, refusedNotice }: SuggestToggleProps) {
  return (
    <div className="suggest-mode">
      {locked ? (
        <p className="suggest-hint">
          <strong>Foreslå ændringer</strong>: du kan foreslå ændringer, som sagsbehandleren
          accepterer eller afviser.
        </p>
      ) : (
        <button
          type="button"
          className="button suggest-toggle"
          aria-pressed={enabled}
          onClick={onToggle}
        >
          Foreslå ændringer
        </button>
      )}
      {refusedNotice && (
        <p className="suggest-hint" role="alert">
          Formatering, nye afsnit og andre ændringer af opbygningen kan ikke foreslås – kun tekst.
        </p>
      )}
    </div>
  );
}
