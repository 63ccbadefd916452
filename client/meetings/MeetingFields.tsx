/**
 * A meeting's details as form fields — title, date, start, place, and where the form asks for
 * them, end time and deadline — shared by the new-meeting form, the meeting header's edit form
 * and the import. Input ids are `${id}-title`, `${id}-date`, … so a form can focus one.
 */

export interface MeetingFieldValues {
  title: string;
  date: string;
  startTime: string;
  place: string;
  /** Shown only when present. */
  endTime?: string;
  /** Shown only when present. */
  deadline?: string;
}

interface MeetingFieldsProps {
  id: string;
  values: MeetingFieldValues;
  onChange: (patch: Partial<MeetingFieldValues>) => void;
  /** Title and start time are required (the import falls back to its own when left empty). */
  required?: boolean;
  dateInvalid?: boolean;
  /** Shown under the date, e.g. why it must be given. */
  dateHint?: string;
}

export function MeetingFields({
  id,
  values,
  onChange,
  required = true,
  dateInvalid = false,
  dateHint,
}: MeetingFieldsProps) {
  return (
    <div className="form-grid">
      <div className="form-field form-field-wide">
        <label htmlFor={`${id}-title`}>Titel</label>
        <input
          id={`${id}-title`}
          type="text"
          required={required}
          maxLength={300}
          value={values.title}
          onChange={(event) => onChange({ title: event.target.value })}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-date`}>Dato</label>
        <input
          id={`${id}-date`}
          type="date"
          required
          value={values.date}
          aria-describedby={dateHint ? `${id}-date-hint` : undefined}
          aria-invalid={dateInvalid ? true : undefined}
          onChange={(event) => onChange({ date: event.target.value })}
        />
        {dateHint && (
          <span id={`${id}-date-hint`} className="field-hint">
            {dateHint}
          </span>
        )}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-start`}>Starttid</label>
        <input
          id={`${id}-start`}
          type="time"
          required={required}
          value={values.startTime}
          onChange={(event) => onChange({ startTime: event.target.value })}
        />
      </div>
      {values.endTime !== undefined && (
        <div className="form-field">
          <label htmlFor={`${id}-end`}>Sluttid</label>
          <input
            id={`${id}-end`}
            type="time"
            value={values.endTime}
            onChange={(event) => onChange({ endTime: event.target.value })}
          />
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-place`}>Sted</label>
        <input
          id={`${id}-place`}
          type="text"
          maxLength={300}
          value={values.place}
          onChange={(event) => onChange({ place: event.target.value })}
        />
      </div>
      {values.deadline !== undefined && (
        <div className="form-field">
          <label htmlFor={`${id}-deadline`}>Frist for sagsfremstilling</label>
          <input
            id={`${id}-deadline`}
            type="date"
            value={values.deadline}
            aria-describedby={`${id}-deadline-hint`}
            onChange={(event) => onChange({ deadline: event.target.value })}
          />
          <span id={`${id}-deadline-hint`} className="field-hint">
            Punkter, der stadig er kladde eller til gennemsyn efter fristen, markeres.
          </span>
        </div>
      )}
    </div>
  );
}

/** State for `MeetingFields`: the values and a setter that merges a patch. */
export function mergePatch<T>(set: (update: (current: T) => T) => void) {
  return (patch: Partial<T>) => set((current) => ({ ...current, ...patch }));
}
