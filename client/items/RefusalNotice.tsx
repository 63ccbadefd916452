import { useId, useRef, useState } from "react";
import { RefusedReason, type RefusedReasonValue } from "../../shared/protocol";
import type { Refusal } from "../sync/ItemSyncSession";

const REASON_TEXT: Record<RefusedReasonValue, string> = {
  [RefusedReason.approved]:
    "Punktet blev godkendt, mens du skrev. Det, du har skrevet, som ikke nåede at blive gemt, er ikke med i den godkendte tekst.",
  [RefusedReason.recordFrozen]:
    "Referatet blev godkendt, mens du skrev, og mødet er nu låst. Det, du har skrevet, som ikke nåede at blive gemt, er ikke med. Det kan kun ændres, hvis referatet genåbnes.",
  [RefusedReason.readOnly]:
    "Du har ikke ret til at ændre teksten i dette punkt, så dine ændringer er ikke gemt.",
};

/**
 * Says at once (an alert) that the server refused what the person wrote, and keeps their text
 * for them to copy. The editor meanwhile shows the text as the server has it.
 */
export function RefusalNotice({ refusal, onDismiss }: { refusal: Refusal; onDismiss: () => void }) {
  const textId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(refusal.text);
      setCopied(true);
    } catch {
      // Without clipboard permission: select the text, so Ctrl+C copies it.
      textRef.current?.focus();
      textRef.current?.select();
    }
  }

  return (
    <section className="notice notice-error refusal-notice" role="alert" aria-label="Ikke gemt">
      <p className="refusal-title">
        <strong>Ikke gemt.</strong> {REASON_TEXT[refusal.reason]}
      </p>
      <label htmlFor={textId}>Din tekst, som du kan kopiere:</label>
      <textarea
        id={textId}
        ref={textRef}
        className="refusal-text"
        readOnly
        rows={6}
        value={refusal.text}
      />
      <div className="refusal-actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Kopiér teksten
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Luk
        </button>
        <span aria-live="polite">{copied ? "Teksten er kopieret." : ""}</span>
      </div>
    </section>
  );
}
