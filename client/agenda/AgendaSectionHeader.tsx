import { useId, useRef, useState, type FormEvent } from "react";
import type { Meeting, Section } from "../../shared/model/agenda";
import type { DeletedEntry } from "./deletedEntry";
import { visibleSections } from "./agendaMoves";
import type { RunCommand } from "./useAgendaCommands";

interface AgendaSectionHeaderProps {
  meeting: Meeting;
  section: Section;
  number: string;
  editable: boolean;
  run: RunCommand;
  announce: (text: string) => void;
  onDeleted: (entry: DeletedEntry) => void;
}

/** A section's numbered heading; for the secretariat also rename, move and delete. */
export function AgendaSectionHeader(props: AgendaSectionHeaderProps) {
  const { meeting, section, number, run, announce } = props;
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(section.title);
  const inputId = useId();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const visible = visibleSections(meeting.agenda);
  const index = visible.findIndex((s) => s.id === section.id);

  function closeMenu() {
    if (menuRef.current) menuRef.current.open = false;
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === section.title) {
      setRenaming(false);
      return;
    }
    const result = await run({ type: "renameSection", sectionId: section.id, title: title.trim() });
    if (result) {
      setRenaming(false);
      announce(`Sektion ${number} hedder nu «${title.trim()}».`);
    }
  }

  async function move(toIndex: number) {
    closeMenu();
    const result = await run({ type: "moveSection", sectionId: section.id, toIndex });
    if (result) announce(`Sektionen «${section.title}» er nu nummer ${toIndex + 1}.`);
  }

  async function remove() {
    closeMenu();
    const result = await run({ type: "deleteSection", sectionId: section.id });
    if (result) {
      props.onDeleted({
        kind: "section",
        id: section.id,
        label: `Sektion ${number}. ${section.title}`,
      });
    }
  }

  if (renaming) {
    return (
      <form className="section-rename" onSubmit={(event) => void rename(event)}>
        <label htmlFor={inputId} className="visually-hidden">
          Nyt navn til sektion {number}
        </label>
        <span className="section-number">{number}.</span>
        <input
          id={inputId}
          type="text"
          value={title}
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              setTitle(section.title);
              setRenaming(false);
            }
          }}
        />
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={title.trim() === ""}
        >
          Gem
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setTitle(section.title);
            setRenaming(false);
          }}
        >
          Annullér
        </button>
      </form>
    );
  }

  return (
    <div className="section-header">
      <h3 id={`section-heading-${section.id}`} className="section-heading">
        {number}. {section.title}
      </h3>
      {props.editable && (
        <details
          className="section-menu"
          ref={menuRef}
          onKeyDown={(event) => {
            if (event.key === "Escape" && menuRef.current?.open) {
              event.preventDefault();
              closeMenu();
              menuRef.current.querySelector("summary")?.focus();
            }
          }}
          onBlur={(event) => {
            // Leaving the menu (by Tab or a click elsewhere) closes it.
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) closeMenu();
          }}
        >
          <summary className="button button-small button-quiet">
            <span aria-hidden="true">⋯</span>
            <span className="visually-hidden">Handlinger for sektion {number}</span>
          </summary>
          <div className="section-menu-panel">
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                closeMenu();
                setTitle(section.title);
                setRenaming(true);
              }}
            >
              Omdøb
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={index <= 0}
              onClick={() => void move(index - 1)}
            >
              Flyt sektion op
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={index < 0 || index >= visible.length - 1}
              onClick={() => void move(index + 1)}
            >
              Flyt sektion ned
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              onClick={() => void remove()}
            >
              Slet sektion
            </button>
          </div>
        </details>
      )}
    </div>
  );
}
