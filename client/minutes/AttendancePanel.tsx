import { useId, useState, type FormEvent } from "react";
import type { Attendance } from "../../shared/model/agenda";
import {
  cleanName,
  isRecorded,
  placePerson,
  removePerson,
  type AttendanceList,
} from "./attendanceChanges";

interface AttendancePanelProps {
  attendance: Attendance;
  /** The secretariat, while the meeting's minutes are being written. */
  editable: boolean;
  /** Saves the whole attendance; resolves false when the server refused (it says why itself). */
  onChange: (next: Attendance, announcement: string) => Promise<boolean>;
}

const LIST_LABELS: Record<AttendanceList, string> = { present: "Til stede", absent: "Afbud" };

/** Who attended the meeting (Deltagere) and who sent apologies (Afbud), as the minutes print it. */
export function AttendancePanel({ attendance, editable, onChange }: AttendancePanelProps) {
  return (
    <section className="attendance-panel" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Fremmøde</h2>
      <div className="attendance-lists">
        {(["present", "absent"] as const).map((list) => (
          <NameList
            key={list}
            list={list}
            attendance={attendance}
            editable={editable}
            onChange={onChange}
          />
        ))}
      </div>
    </section>
  );
}

interface NameListProps extends AttendancePanelProps {
  list: AttendanceList;
}

function NameList({ list, attendance, editable, onChange }: NameListProps) {
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = attendance[list];
  const other: AttendanceList = list === "present" ? "absent" : "present";
  const heading = LIST_LABELS[list];

  async function add(event: FormEvent) {
    event.preventDefault();
    const name = cleanName(draft);
    if (name === null) {
      setError("Skriv et navn (højst 200 tegn).");
      return;
    }
    const already = isRecorded(attendance, name);
    if (already === list) {
      setError(`${name} står allerede under ${heading.toLowerCase()}.`);
      return;
    }
    setError(null);
    setBusy(true);
    const moved = already !== null ? ` (flyttet fra ${LIST_LABELS[already].toLowerCase()})` : "";
    const saved = await onChange(
      placePerson(attendance, list, name),
      `${name} er tilføjet under ${heading.toLowerCase()}${moved}.`,
    );
    setBusy(false);
    if (saved) setDraft("");
  }

  return (
    <div className="attendance-list" data-list={list}>
      <h3>{list === "present" ? "Deltagere (til stede)" : "Afbud"}</h3>
      {names.length === 0 ? (
        <p className="muted">{list === "present" ? "Ingen registreret." : "Ingen afbud."}</p>
      ) : (
        <ul aria-label={heading}>
          {names.map((name) => (
            <li key={name}>
              <span className="attendance-name">{name}</span>
              {editable && (
                <span className="attendance-actions">
                  <button
                    type="button"
                    className="button button-compact"
                    aria-label={`Flyt ${name} til ${LIST_LABELS[other].toLowerCase()}`}
                    onClick={() =>
                      void onChange(
                        placePerson(attendance, other, name),
                        `${name} er flyttet til ${LIST_LABELS[other].toLowerCase()}.`,
                      )
                    }
                  >
                    {list === "present" ? "Afbud" : "Til stede"}
                  </button>
                  <button
                    type="button"
                    className="button button-compact button-quiet"
                    aria-label={`Fjern ${name}`}
                    onClick={() =>
                      void onChange(removePerson(attendance, name), `${name} er fjernet.`)
                    }
                  >
                    Fjern
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form className="attendance-add" onSubmit={(event) => void add(event)} noValidate>
          <label htmlFor={inputId}>{list === "present" ? "Tilføj deltager" : "Tilføj afbud"}</label>
          <div className="attendance-add-row">
            <input
              id={inputId}
              type="text"
              value={draft}
              autoComplete="off"
              maxLength={200}
              aria-invalid={error !== null}
              aria-describedby={error !== null ? errorId : undefined}
              onChange={(event) => {
                setDraft(event.target.value);
                setError(null);
              }}
            />
            <button type="submit" className="button" disabled={busy}>
              Tilføj
            </button>
          </div>
          {error !== null && (
            <p id={errorId} className="form-error attendance-error">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
