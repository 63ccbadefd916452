import { useId, useRef, useState, type FormEvent } from "react";
import { OfficerPicker } from "../officers/OfficerPicker";
import type { OfficerCandidate } from "../officers/useOfficerCandidates";
import type { RunCommand } from "./useAgendaCommands";

interface AddItemFormProps {
  sectionId: string;
  /** "2. Regionalpolitiske sager" */
  sectionLabel: string;
  /** The committee's members who may be officers. */
  candidates: readonly OfficerCandidate[];
  run: RunCommand;
  announce: (text: string) => void;
}

/**
 * "Tilføj punkt" at the end of a section: a title, and the item is created at the section's
 * end. The form stays open and focused, so several items can be added in a row.
 */
export function AddItemForm(props: AddItemFormProps) {
  const { sectionId, sectionLabel, run, announce } = props;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [officers, setOfficers] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === "" || busy) return;
    setBusy(true);
    const result = await run({
      type: "createItem",
      sectionId,
      title: trimmed,
      ...(officers.length > 0 ? { officers } : {}),
    });
    setBusy(false);
    if (result?.createdId) {
      setTitle("");
      setOfficers([]);
      announce(`Punktet «${trimmed}» er tilføjet sidst i ${sectionLabel}.`);
    }
    inputRef.current?.focus();
  }

  function close() {
    setOpen(false);
    setTitle("");
    setOfficers([]);
    // Back to where the person came from, not to the top of the page.
    requestAnimationFrame(() => openerRef.current?.focus());
  }

  if (!open) {
    return (
      <button
        ref={openerRef}
        type="button"
        className="button button-small button-quiet add-item-button"
        onClick={() => setOpen(true)}
      >
        + Tilføj punkt<span className="visually-hidden"> i {sectionLabel}</span>
      </button>
    );
  }
  return (
    <form className="add-item-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>Titel på nyt punkt i {sectionLabel}</label>
      <div className="inline-fields">
        <input
          id={inputId}
          ref={inputRef}
          type="text"
          value={title}
          maxLength={300}
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        />
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={busy || title.trim() === ""}
        >
          Tilføj
        </button>
        <button type="button" className="button button-small" onClick={close}>
          Luk
        </button>
      </div>
      <OfficerPicker
        label="Sagsbehandlere (valgfrit)"
        value={officers}
        candidates={props.candidates}
        onChange={setOfficers}
      />
    </form>
  );
}
