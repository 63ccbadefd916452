import { useId, useState, type FormEvent } from "react";
import type { AgendaItem } from "../../shared/model/agenda";
import { CASE_NUMBER_PATTERN, formatOfficers, parseOfficers } from "../../shared/model/caseNumber";
import type { RunCommand } from "../agenda/useAgendaCommands";

interface ItemHeaderFormProps {
  item: AgendaItem;
  run: RunCommand;
  onDone: (saved: boolean) => void;
}

const INITIALS = /^[A-Za-zÆØÅæøå]{2,5}$/;

type Problems = Partial<Record<"title" | "caseNumber" | "officers", string>>;

function check(title: string, caseNumber: string, officers: string): Problems {
  const problems: Problems = {};
  if (title.trim() === "") problems.title = "Titlen må ikke være tom.";
  if (caseNumber.trim() !== "" && !CASE_NUMBER_PATTERN.test(caseNumber.trim().toUpperCase())) {
    problems.caseNumber = "Sagsnummeret skal have formen SAG-ÅÅÅÅ-NNNNN, fx SAG-2025-03188.";
  }
  const wrong = parseOfficers(officers).filter((initials) => !INITIALS.test(initials));
  if (wrong.length > 0) {
    problems.officers = `Initialer er 2–5 bogstaver, adskilt af /. Ret: ${wrong.join(", ")}.`;
  }
  return problems;
}

/** The item header (title, case number, officers, lukket punkt), edited in place. */
export function ItemHeaderForm({ item, run, onDone }: ItemHeaderFormProps) {
  const id = useId();
  const [title, setTitle] = useState(item.title);
  const [caseNumber, setCaseNumber] = useState(item.caseNumber ?? "");
  const [officers, setOfficers] = useState(formatOfficers(item.officers));
  const [closed, setClosed] = useState(item.closed);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(title, caseNumber, officers);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await run({
      type: "updateItem",
      itemId: item.id,
      title: title.trim(),
      caseNumber: caseNumber.trim() === "" ? null : caseNumber.trim().toUpperCase(),
      officers: parseOfficers(officers),
      closed,
    });
    setBusy(false);
    if (result) onDone(true);
  }

  function field(
    name: keyof Problems,
    label: string,
    value: string,
    onChange: (value: string) => void,
    hint?: string,
  ) {
    const problem = problems[name];
    const describedBy = [hint ? `${id}-${name}-hint` : "", problem ? `${id}-${name}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return (
      <div className="form-field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          type="text"
          value={value}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
        {hint && (
          <span id={`${id}-${name}-hint`} className="field-hint">
            {hint}
          </span>
        )}
        {problem && (
          <span id={`${id}-${name}-error`} className="field-error">
            {problem}
          </span>
        )}
      </div>
    );
  }

  return (
    <form
      className="details-form item-header-form"
      aria-label="Punktets oplysninger"
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone(false);
      }}
    >
      {field("title", "Titel", title, setTitle)}
      <div className="form-grid">
        {field("caseNumber", "Sagsnummer", caseNumber, setCaseNumber, "Fx SAG-2025-03188")}
        {field("officers", "Sagsbehandlere", officers, setOfficers, "Initialer, fx mlal/anjh")}
      </div>
      <div className="form-check">
        <input
          id={`${id}-closed`}
          type="checkbox"
          checked={closed}
          onChange={(event) => setClosed(event.target.checked)}
        />
        <label htmlFor={`${id}-closed`}>Lukket punkt (offentliggøres ikke)</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Gem oplysninger
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Annullér
        </button>
      </div>
    </form>
  );
}
