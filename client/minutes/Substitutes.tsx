import { useId, useState, type FormEvent } from "react";
import type { Attendance } from "../../shared/model/agenda";
import type { CommitteeMember } from "./AttendancePanel";
import { addSubstitute, cleanName, removePerson, sameName } from "./attendanceChanges";

type OnChange = (next: Attendance, announcement: string) => Promise<boolean>;

/** Stedfortrædere: typed by name, each for a member of the committee (who then has afbud). */
export function Substitutes(props: {
  attendance: Attendance;
  members: readonly CommitteeMember[];
  onChange: OnChange;
}) {
  const { attendance, members, onChange } = props;
  const nameId = useId();
  const forId = useId();
  const errorId = useId();
  const [name, setName] = useState("");
  const [replaces, setReplaces] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    const clean = cleanName(name);
    if (clean === null) return setError("Skriv stedfortræderens navn (højst 200 tegn).");
    if (replaces === "") return setError("Vælg, hvem stedfortræderen møder for.");
    if (sameName(clean, replaces))
      return setError("Et medlem kan ikke være sin egen stedfortræder.");
    if (members.some((member) => sameName(member.name, clean))) {
      return setError(`${clean} er medlem af udvalget; registrér ham eller hende som til stede.`);
    }
    setError(null);
    setBusy(true);
    const saved = await onChange(
      addSubstitute(attendance, clean, replaces),
      `${clean} er registreret som stedfortræder for ${replaces}, der har afbud.`,
    );
    setBusy(false);
    if (saved) {
      setName("");
      setReplaces("");
    }
  }

  return (
    <div className="attendance-substitutes">
      <h3>Stedfortrædere</h3>
      {attendance.substitutes.length === 0 ? (
        <p className="muted">Ingen stedfortrædere.</p>
      ) : (
        <ul aria-label="Stedfortrædere">
          {attendance.substitutes.map((substitute) => (
            <li key={substitute.name}>
              <span>
                {substitute.name} – stedfortræder for {substitute.replaces}
              </span>
              <button
                type="button"
                className="button button-compact button-quiet"
                aria-label={`Fjern stedfortræder ${substitute.name}`}
                onClick={() =>
                  void onChange(
                    removePerson(attendance, substitute.name),
                    `Stedfortræder ${substitute.name} er fjernet.`,
                  )
                }
              >
                Fjern
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="attendance-add" onSubmit={(event) => void add(event)} noValidate>
        <div className="attendance-add-row">
          <div className="form-field">
            <label htmlFor={nameId}>Stedfortræderens navn</label>
            <input
              id={nameId}
              type="text"
              value={name}
              autoComplete="off"
              maxLength={200}
              aria-invalid={error !== null}
              aria-describedby={error !== null ? errorId : undefined}
              onChange={(event) => {
                setName(event.target.value);
                setError(null);
              }}
            />
          </div>
          <div className="form-field">
            <label htmlFor={forId}>Møder for</label>
            <select
              id={forId}
              value={replaces}
              onChange={(event) => {
                setReplaces(event.target.value);
                setError(null);
              }}
            >
              <option value="">Vælg medlem</option>
              {members.map((member) => (
                <option key={member.name} value={member.name}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy}>
            Tilføj stedfortræder
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
