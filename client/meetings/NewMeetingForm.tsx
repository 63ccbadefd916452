import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../api/apiFetch";
import { createMeeting } from "../api/meetingsApi";
import type { CommitteeMembership } from "../api/meetingTypes";
import { meetingPath, navigate } from "../routing/router";

interface NewMeetingFormProps {
  committee: CommitteeMembership;
  onCancel: () => void;
  onUnauthenticated: () => void;
}

/** A new meeting from the committee's template: its standard sections and items. */
export function NewMeetingForm({ committee, onCancel, onUnauthenticated }: NewMeetingFormProps) {
  const id = useId();
  const [title, setTitle] = useState(`Møde i ${committee.name}`);
  const [date, setDate] = useState("");
  const [startTime, setStartTime] = useState("10:00");
  const [endTime, setEndTime] = useState("");
  const [place, setPlace] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (date === "") {
      setError("Vælg mødets dato.");
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const meeting = await createMeeting(committee.id, {
        title: title.trim(),
        date,
        startTime,
        endTime: endTime === "" ? null : endTime,
        place: place.trim(),
      });
      navigate(meetingPath(meeting.id));
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 401) return onUnauthenticated();
      if (caught instanceof ApiError) setError(caught.message);
      else {
        console.error("creating a meeting failed", caught);
        setError("Mødet kunne ikke oprettes. Prøv igen.");
      }
    }
  }

  return (
    <form
      className="details-form new-meeting-form"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-heading`}>Nyt møde i {committee.name}</h3>
      <p className="field-hint">
        Mødet får skabelonens faste sektioner og punkter (godkendelse af referat, siden sidst,
        eventuelt …).
      </p>
      <div className="form-grid">
        <div className="form-field form-field-wide">
          <label htmlFor={`${id}-title`}>Titel</label>
          <input
            id={`${id}-title`}
            type="text"
            required
            maxLength={300}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-date`}>Dato</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={date}
            aria-invalid={error !== null && date === "" ? true : undefined}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-start`}>Starttid</label>
          <input
            id={`${id}-start`}
            type="time"
            required
            value={startTime}
            onChange={(event) => setStartTime(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-end`}>Sluttid</label>
          <input
            id={`${id}-end`}
            type="time"
            value={endTime}
            onChange={(event) => setEndTime(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-place`}>Sted</label>
          <input
            id={`${id}-place`}
            type="text"
            maxLength={300}
            value={place}
            onChange={(event) => setPlace(event.target.value)}
          />
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Opret møde
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </form>
  );
}
