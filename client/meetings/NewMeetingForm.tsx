import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../api/apiFetch";
import { createMeeting } from "../api/meetingsApi";
import type { CommitteeMembership } from "../api/meetingTypes";
import { meetingPath, navigate } from "../routing/router";
import { MeetingFields, mergePatch, type MeetingFieldValues } from "./MeetingFields";

interface NewMeetingFormProps {
  committee: CommitteeMembership;
  onCancel: () => void;
  onUnauthenticated: () => void;
}

/** A new meeting from the committee's template: its standard sections and items. */
export function NewMeetingForm({ committee, onCancel, onUnauthenticated }: NewMeetingFormProps) {
  const id = useId();
  const [fields, setFields] = useState<MeetingFieldValues>({
    title: `Møde i ${committee.name}`,
    date: "",
    startTime: "10:00",
    endTime: "",
    place: "",
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (fields.date === "") {
      setError("Vælg mødets dato.");
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const meeting = await createMeeting(committee.id, {
        title: fields.title.trim(),
        date: fields.date,
        startTime: fields.startTime,
        endTime: fields.endTime ? fields.endTime : null,
        place: fields.place.trim(),
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
      <MeetingFields
        id={id}
        values={fields}
        onChange={mergePatch(setFields)}
        dateInvalid={error !== null && fields.date === ""}
      />
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
