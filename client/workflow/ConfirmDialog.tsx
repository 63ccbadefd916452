import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "../api/apiFetch";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./workflow.css";

interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Asks for a text first (why an item is sent back or reopened); required when given. */
  reasonLabel?: string;
  /** Does the thing; a rejection is shown in the dialog, which stays open. */
  onConfirm: (reason: string | null) => Promise<void>;
  /** Closed without confirming (Annuller, Escape) or after confirming. */
  onClose: () => void;
}

/**
 * A modal question before a step that matters. The native <dialog> opened with showModal()
 * makes the rest of the page inert and closes on Escape; focus starts in the reason field (or
 * on the confirm button) and goes back to whatever opened the dialog when it closes.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  reasonLabel,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const errorId = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    (reasonRef.current ?? confirmRef.current)?.focus();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    if (reasonLabel !== undefined && text === "") {
      setError("Skriv en begrundelse.");
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reasonLabel !== undefined ? text : null);
      onClose();
    } catch (caught) {
      console.error(`${title} failed`, caught);
      setError(
        caught instanceof ApiError && caught.message
          ? caught.message
          : "Det lykkedes ikke. Prøv igen.",
      );
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        {reasonLabel !== undefined && (
          <div className="form-field">
            <label htmlFor={reasonId}>{reasonLabel}</label>
            <textarea
              id={reasonId}
              ref={reasonRef}
              rows={4}
              required
              value={reason}
              aria-invalid={error !== null && reason.trim() === ""}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        )}
        {error && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Annuller
          </button>
          <button ref={confirmRef} type="submit" className="button button-primary" disabled={busy}>
            {busy ? "Et øjeblik …" : confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
