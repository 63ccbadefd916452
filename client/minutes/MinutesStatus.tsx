import type { Ref } from "react";
import type { MeetingPhase, MinutesApproval } from "../../shared/model/agenda";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { minutesOpen } from "./minutesOpen";
import type { Access } from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { SaveStatus } from "../editor/SaveStatus";
import type { SaveState } from "../sync/saveState";

interface MinutesStatusProps {
  phase: MeetingPhase;
  /** The meeting's date, "YYYY-MM-DD": minutes can be taken from that day. */
  meetingDate: string;
  role: Role | null;
  access: Access | null;
  saveState: SaveState;
  approval: MinutesApproval | null;
  ref?: Ref<HTMLDivElement>;
}

const dateTime = new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeStyle: "short" });

/**
 * What the minutes are now, in one sentence: not yet open, being written (by me, or live by
 * the secretariat), or approved and locked. Focusable, so focus can land here after a step;
 * not a live region itself (the page announces phase changes, the save status its own).
 */
export function MinutesStatus({
  phase,
  meetingDate,
  role,
  access,
  saveState,
  approval,
  ref,
}: MinutesStatusProps) {
  let body;
  if (phase === "referat_godkendt") {
    body = (
      <>
        <p className="minutes-status-title">Referatet er godkendt og låst</p>
        <p>
          {approval
            ? `Godkendt af ${approval.byName} ${dateTime.format(new Date(approval.at))}. `
            : ""}
          Hverken referatet eller mødets punkter, bilag og fremmøde kan ændres, før det genåbnes.
        </p>
        {approval && (
          <p className="minutes-hash">
            Indholdets fingeraftryk (SHA-256): <code>{approval.recordHash}</code>
          </p>
        )}
      </>
    );
  } else if (role === "laeser") {
    body = <p>Referatet kan læses, når formanden har godkendt det.</p>;
  } else if (!minutesOpen(phase, meetingDate)) {
    body = (
      <p>
        {phase === "forberedelse"
          ? "Referatet kan skrives fra mødedagen, når dagsordenen er udsendt."
          : `Referatet kan skrives fra mødedagen, ${formatDanishDate(meetingDate)}.`}
      </p>
    );
  } else if (access === "write") {
    body = (
      <p>
        Du skriver referatet{phase === "dagsorden_udsendt" ? " under mødet" : ""}. Alle, der har
        referatet åbent, ser ændringerne med det samme. Skriv en Beslutning for hvert punkt, eller
        vælg en formulering med ét klik.
        {phase === "dagsorden_udsendt" && role === "sekretariat"
          ? " Brug »Mødet er afholdt«, når mødet er slut."
          : ""}
      </p>
    );
  } else if (access === null) {
    body = <p>Forbinder til referatet …</p>;
  } else {
    body = (
      <p>
        Sekretariatet skriver referatet. Du ser ændringerne, efterhånden som de skrives.
        {role === "formand" ? " Når referatet er færdigt, godkender du det her." : ""}
      </p>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} className="notice minutes-status" data-phase={phase}>
      {body}
      {phase !== "referat_godkendt" && access === "write" && <SaveStatus state={saveState} />}
    </div>
  );
}
