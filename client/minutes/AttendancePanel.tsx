import { useId } from "react";
import type { Attendance } from "../../shared/model/agenda";
import { ROLE_LABELS, type Role } from "../../shared/roles";
import {
  isRecorded,
  placePerson,
  removePerson,
  sameName,
  substituteFor,
} from "./attendanceChanges";
import { OthersPresent } from "./OthersPresent";
import { Substitutes } from "./Substitutes";

/** A member of the committee, as the attendance picker offers them. */
export interface CommitteeMember {
  name: string;
  role: Role;
}

interface AttendancePanelProps {
  attendance: Attendance;
  /** The committee's members to pick from (the people with a role in it). */
  members: readonly CommitteeMember[];
  /** The secretariat, while the meeting's minutes are being written. */
  editable: boolean;
  /** Saves the whole attendance; resolves false when the server refused (it says why itself). */
  onChange: (next: Attendance, announcement: string) => Promise<boolean>;
}

// The chair and the members (readers) are who attends; staff follow.
const ROLE_ORDER: Role[] = ["formand", "laeser", "direktoer", "sekretariat", "sagsbehandler"];

/** "Anne Hansen (stedfortræder for Jacob Bjerregaard)", as the minutes print a substitute. */
function presentLabel(attendance: Attendance, name: string): string {
  const replaces = substituteFor(attendance, name);
  return replaces ? `${name} (stedfortræder for ${replaces})` : name;
}

/**
 * Who attended the meeting (Deltagere) and who sent apologies (Afbud), as the minutes print it.
 * The secretariat picks each member's attendance, records stedfortrædere by name with the
 * member they replace, and can add others present (guests) by name.
 */
export function AttendancePanel({ attendance, members, editable, onChange }: AttendancePanelProps) {
  if (!editable) {
    return (
      <section className="attendance-panel" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">Fremmøde</h2>
        <div className="attendance-lists">
          <ReadOnlyList
            heading="Deltagere (til stede)"
            empty="Ingen registreret."
            names={attendance.present.map((name) => presentLabel(attendance, name))}
          />
          <ReadOnlyList heading="Afbud" empty="Ingen afbud." names={attendance.absent} />
        </div>
      </section>
    );
  }
  const sorted = [...members].sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, "da"),
  );
  const isMember = (name: string) => members.some((member) => sameName(member.name, name));
  const others = [...attendance.present, ...attendance.absent].filter(
    (name) => !isMember(name) && substituteFor(attendance, name) === null,
  );
  return (
    <section className="attendance-panel" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Fremmøde</h2>
      <div className="attendance-members">
        <h3>Udvalgets medlemmer</h3>
        {sorted.length === 0 ? (
          <p className="muted">Udvalget har ingen medlemmer at vælge imellem.</p>
        ) : (
          sorted.map((member) => (
            <MemberChoice
              key={member.name}
              member={member}
              attendance={attendance}
              onChange={onChange}
            />
          ))
        )}
      </div>
      <Substitutes attendance={attendance} members={sorted} onChange={onChange} />
      <OthersPresent attendance={attendance} others={others} onChange={onChange} />
    </section>
  );
}

function ReadOnlyList(props: { heading: string; empty: string; names: readonly string[] }) {
  return (
    <div className="attendance-list">
      <h3>{props.heading}</h3>
      {props.names.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul aria-label={props.heading}>
          {props.names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Choice = "present" | "absent" | "none";
const CHOICES: { value: Choice; label: string }[] = [
  { value: "present", label: "Til stede" },
  { value: "absent", label: "Afbud" },
  { value: "none", label: "Ikke registreret" },
];

/** One member: present, afbud or not recorded — a radio group, chosen with the arrow keys. */
function MemberChoice(props: {
  member: CommitteeMember;
  attendance: Attendance;
  onChange: AttendancePanelProps["onChange"];
}) {
  const { member, attendance, onChange } = props;
  const group = useId();
  const current: Choice = isRecorded(attendance, member.name) ?? "none";
  const substitute = attendance.substitutes.find((s) => sameName(s.replaces, member.name));

  function choose(choice: Choice) {
    if (choice === current) return;
    const next =
      choice === "none"
        ? removePerson(attendance, member.name)
        : placePerson(attendance, choice, member.name);
    const text =
      choice === "none"
        ? `${member.name} er ikke registreret.`
        : `${member.name}: ${choice === "present" ? "til stede" : "afbud"}.`;
    void onChange(next, text);
  }

  return (
    <fieldset className="attendance-member" data-member={member.name}>
      <legend>
        {member.name} <span className="attendance-role">({ROLE_LABELS[member.role]})</span>
        {substitute && (
          <span className="attendance-substituted"> – stedfortræder: {substitute.name}</span>
        )}
      </legend>
      <div className="attendance-choices">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="attendance-choice">
            <input
              type="radio"
              name={group}
              value={choice.value}
              checked={current === choice.value}
              onChange={() => choose(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
