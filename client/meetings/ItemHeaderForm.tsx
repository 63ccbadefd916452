import { useId, useState, type FormEvent } from "react";
import type { AgendaItem } from "../../shared/model/agenda";
import { CASE_NUMBER_PATTERN } from "../../shared/model/caseNumber";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import type { RunCommand } from "../agenda/useAgendaCommands";
import { OfficerPicker } from "../officers/OfficerPicker";
import type { OfficerCandidate } from "../officers/useOfficerCandidates";

interface ItemHeaderFormProps {
  item: AgendaItem;
  /** The committee's members who may be officers. */
  candidates: readonly OfficerCandidate[];
  /** The meeting's "Frist for sagsfremstilling", which applies when the item has none. */
  meetingDeadline: string | null;
  run: RunCommand;
  onDone: (saved: boolean) => void;
}

type Problems = Partial<Record<"title" | "caseNumber", string>>;

function check(title: string, caseNumber: string): Problems {
  const problems: Problems = {};
  if (title.trim() === "") problems.title = "Titlen må ikke være tom.";
  if (caseNumber.trim() !== "" && !CASE_NUMBER_PATTERN.test(caseNumber.trim().toUpperCase())) {
    problems.caseNumber = "Sagsnummeret skal have formen SAG-ÅÅÅÅ-NNNNN, fx SAG-2025-03188.";
  }
  return problems;
}

/** The item header (title, case number, officers, lukket punkt), edited in place. */
export function ItemHeaderForm(props: ItemHeaderFormProps) {
  const { item, candidates, run, onDone } = props;
  const id = useId();
  const [title, setTitle] = useState(item.title);
  const [caseNumber, setCaseNumber] = useState(item.caseNumber ?? "");
  const [officers, setOfficers] = useState<string[]>(item.officers);
  const [closed, setClosed] = useState(item.closed);
  const [deadline, setDeadline] = useState(item.deadline ?? "");
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(title, caseNumber);
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
      officers,
      closed,
      // Sent only when changed, so the audit log shows a deadline change only when there is one.
      ...(deadline !== (item.deadline ?? "")
        ? { deadline: deadline === "" ? null : deadline }
        : {}),
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
      </div>
      <OfficerPicker
        label="Sagsbehandlere"
        value={officers}
        candidates={candidates}
        onChange={setOfficers}
      />
      <div className="form-field">
        <label htmlFor={`${id}-deadline`}>Frist for sagsfremstilling</label>
        <input
          id={`${id}-deadline`}
          type="date"
          value={deadline}
          aria-describedby={`${id}-deadline-hint`}
          onChange={(event) => setDeadline(event.target.value)}
        />
        <span id={`${id}-deadline-hint`} className="field-hint">
          {props.meetingDeadline
            ? `Tom: mødets frist, ${formatDanishDate(props.meetingDeadline)}.`
            : "Tom: mødets frist (ikke sat)."}
        </span>
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
