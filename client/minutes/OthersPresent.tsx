import { useId, useState, type FormEvent } from "react";
import type { Attendance } from "../../shared/model/agenda";
import { cleanName, isRecorded, placePerson, removePerson } from "./attendanceChanges";

type OnChange = (next: Attendance, announcement: string) => Promise<boolean>;

/** Others present who are not members (guests), and names recorded before members were picked. */
export function OthersPresent(props: {
  attendance: Attendance;
  others: readonly string[];
  onChange: OnChange;
}) {
  const { attendance, others, onChange } = props;
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    const name = cleanName(draft);
    if (name === null) return setError("Skriv et navn (højst 200 tegn).");
    if (isRecorded(attendance, name) !== null) return setError(`${name} er allerede registreret.`);
    setError(null);
    setBusy(true);
    const saved = await onChange(
      placePerson(attendance, "present", name),
      `${name} er tilføjet som deltager.`,
    );
    setBusy(false);
    if (saved) setDraft("");
  }

  return (
    <div className="attendance-others">
      <h3>Andre deltagere</h3>
      {others.length > 0 && (
        <ul aria-label="Andre deltagere">
          {others.map((name) => (
            <li key={name}>
              <span>
                {name}
                {isRecorded(attendance, name) === "absent" ? " (afbud)" : ""}
              </span>
              <button
                type="button"
                className="button button-compact button-quiet"
                aria-label={`Fjern ${name}`}
                onClick={() => void onChange(removePerson(attendance, name), `${name} er fjernet.`)}
              >
                Fjern
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="attendance-add" onSubmit={(event) => void add(event)} noValidate>
        <label htmlFor={inputId}>Tilføj anden deltager</label>
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
          <p id={errorId} className="form-error attendance-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
