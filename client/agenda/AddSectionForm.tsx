import { useId, useState, type FormEvent } from "react";
import type { RunCommand } from "./useAgendaCommands";

/** "Tilføj sektion" at the end of the agenda. */
export function AddSectionForm({
  run,
  announce,
}: {
  run: RunCommand;
  announce: (text: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const inputId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === "") return;
    const result = await run({ type: "createSection", title: trimmed });
    if (result) {
      setTitle("");
      setOpen(false);
      announce(`Sektionen «${trimmed}» er tilføjet sidst på dagsordenen.`);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className="button button-small add-section-button"
        onClick={() => setOpen(true)}
      >
        + Tilføj sektion
      </button>
    );
  }
  return (
    <form className="add-item-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>Titel på ny sektion</label>
      <div className="inline-fields">
        <input
          id={inputId}
          type="text"
          value={title}
          maxLength={300}
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") setOpen(false);
          }}
        />
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={title.trim() === ""}
        >
          Tilføj
        </button>
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          Annullér
        </button>
      </div>
    </form>
  );
}
