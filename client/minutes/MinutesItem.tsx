import type { Editor } from "@tiptap/core";
import { useCallback, useState } from "react";
import type { AgendaItem, Attendance } from "../../shared/model/agenda";
import { suggestBeslutning } from "../../shared/model/beslutning";
import type { SessionUser } from "../api/types";
import { delreferatUrl } from "../api/publicationApi";
import { meetingPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import type { ItemSyncSession } from "../sync/ItemSyncSession";
import { BeslutningEditor } from "./BeslutningEditor";
import { DecisionPhrases } from "./DecisionPhrases";
import { insertDecisionPhrase } from "./insertDecisionPhrase";
import { ItemAttendance } from "./ItemAttendance";

interface MinutesItemProps {
  meetingId: string;
  item: AgendaItem;
  number: string;
  committeeName: string;
  /** The Indstilling as plain text ("" when there is none). */
  indstilling: string;
  session: ItemSyncSession;
  user: SessionUser;
  /** The connection may write the minutes (the secretariat, meeting held, not approved). */
  editable: boolean;
  /**
   * This item's Beslutning was the last one focused: it shows the formatting toolbar. Set only
   * from the editor itself, so focusing other controls never shifts the layout under the mouse.
   */
  active: boolean;
  onActivate: (itemId: string) => void;
  attendance: Attendance;
  attendanceEditable: boolean;
  onAttendanceChange: (next: Attendance, announcement: string) => Promise<boolean>;
  announce: (text: string) => void;
}

/** One agenda item in minutes mode: its heading and Indstilling, then its Beslutning. */
export function MinutesItem(props: MinutesItemProps) {
  const { meetingId, item, number, committeeName, indstilling, session, user, editable } = props;
  const [editor, setEditor] = useState<Editor | null>(null);
  const onEditorChange = useCallback((next: Editor | null) => setEditor(next), []);
  const heading = `${number}. ${item.title}`;
  const headingId = `item-heading-${item.id}`;
  const suggestion = indstilling ? suggestBeslutning(indstilling, committeeName) : null;

  function insert(phrase: string) {
    if (!editor) return;
    insertDecisionPhrase(editor, phrase);
    props.announce(`Indsat i Beslutning for punkt ${number}: ${phrase.trim()}`);
  }

  return (
    <article
      className="minutes-item"
      id={`beslutning-${item.id}`}
      aria-labelledby={headingId}
      data-active={props.active}
    >
      <header className="minutes-item-header">
        <h3 id={headingId}>{heading}</h3>
        <p className="minutes-item-meta">
          {item.caseNumber && <span>{[item.caseNumber, item.officers.join("/")].join(" ")}</span>}
          {item.closed && <span className="badge badge-closed">Lukket punkt</span>}
          <RouterLink href={meetingPath(meetingId, item.id)}>Åbn punktet</RouterLink>
        </p>
      </header>
      {indstilling !== "" && (
        <div className="minutes-indstilling">
          <h4>Indstilling</h4>
          <p>{indstilling}</p>
        </div>
      )}
      <div className="minutes-beslutning">
        <h4 id={`${headingId}-beslutning`}>Beslutning</h4>
        {editable && (
          <DecisionPhrases
            committeeName={committeeName}
            suggestion={suggestion}
            itemNumber={number}
            disabled={editor === null}
            onInsert={insert}
          />
        )}
        <BeslutningEditor
          session={session}
          itemId={item.id}
          user={user}
          editable={editable}
          showToolbar={props.active}
          onFocus={() => props.onActivate(item.id)}
          label={`Beslutning for punkt ${heading}`}
          onEditorChange={onEditorChange}
        />
        <ItemAttendance
          itemId={item.id}
          itemNumber={number}
          attendance={props.attendance}
          editable={props.attendanceEditable}
          onChange={props.onAttendanceChange}
        />
      </div>
      <footer className="minutes-item-footer">
        <a href={delreferatUrl(item.id)} download>
          Delreferat (PDF)<span className="visually-hidden"> for punkt {number}</span>
        </a>
      </footer>
    </article>
  );
}
