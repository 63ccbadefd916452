import { useId, useState, type FormEvent } from "react";
import type { Meeting } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import type { RunCommand } from "../agenda/useAgendaCommands";
import { auditPath, previewPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { MeetingFields, mergePatch, type MeetingFieldValues } from "./MeetingFields";
import { meetingTimeText } from "./meetingTimeText";

interface MeetingHeaderProps {
  meeting: Meeting;
  committeeName: string;
  editable: boolean;
  /** Items past the deadline and still not written. */
  overdueCount: number;
  /** The person may read the meeting's audit log (revisionsspor). */
  mayViewAudit: boolean;
  run: RunCommand;
  announce: (text: string) => void;
}

/**
 * The meeting's title, time, place and deadline; the secretariat edits them in place. (The phase
 * and its steps are shown by MeetingActions below it.)
 */
export function MeetingHeader(props: MeetingHeaderProps) {
  const { meeting, editable } = props;
  const [editing, setEditing] = useState(false);

  return (
    <header className="meeting-header">
      <div className="meeting-header-main">
        <p className="meeting-committee">{props.committeeName}</p>
        <h1>{meeting.title}</h1>
        <p className="meeting-when">
          {meetingTimeText(meeting)}
          {meeting.place.trim() !== "" && <>, {meeting.place}</>}
        </p>
        {(meeting.deadline || editable) && (
          <p className="meeting-facts">
            {meeting.deadline ? (
              <span className="deadline">
                Frist for sagsfremstilling: {formatDanishDate(meeting.deadline)}
                {props.overdueCount > 0 && (
                  <span className="overdue-badge">
                    {props.overdueCount === 1
                      ? "1 punkt er over fristen"
                      : `${props.overdueCount} punkter er over fristen`}
                  </span>
                )}
              </span>
            ) : (
              <span className="deadline muted">Ingen frist for sagsfremstilling</span>
            )}
          </p>
        )}
      </div>
      <div className="meeting-header-actions">
        <RouterLink href={previewPath(meeting.id)} className="button">
          Vis dagsorden
        </RouterLink>
        {props.mayViewAudit && (
          <RouterLink href={auditPath(meeting.id)} className="button">
            Revisionsspor
          </RouterLink>
        )}
        {editable && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Ret mødeoplysninger
          </button>
        )}
      </div>
      {editing && (
        <MeetingDetailsForm
          meeting={meeting}
          run={props.run}
          onDone={(saved) => {
            setEditing(false);
            if (saved) props.announce("Mødeoplysningerne er gemt.");
          }}
        />
      )}
    </header>
  );
}

interface MeetingDetailsFormProps {
  meeting: Meeting;
  run: RunCommand;
  onDone: (saved: boolean) => void;
}

function MeetingDetailsForm({ meeting, run, onDone }: MeetingDetailsFormProps) {
  const id = useId();
  const [fields, setFields] = useState<MeetingFieldValues>({
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: meeting.endTime ?? "",
    place: meeting.place,
    deadline: meeting.deadline ?? "",
  });
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await run({
      type: "updateMeeting",
      details: {
        title: fields.title.trim(),
        date: fields.date,
        startTime: fields.startTime,
        endTime: fields.endTime ? fields.endTime : null,
        place: fields.place.trim(),
        deadline: fields.deadline ? fields.deadline : null,
      },
    });
    setBusy(false);
    if (result) onDone(true);
  }

  return (
    <form
      className="details-form"
      aria-label="Mødeoplysninger"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape") onDone(false);
      }}
    >
      <MeetingFields id={id} values={fields} onChange={mergePatch(setFields)} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Gem mødeoplysninger
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          Annullér
        </button>
      </div>
    </form>
  );
}
