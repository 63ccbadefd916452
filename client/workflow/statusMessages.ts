import type { ItemStatus, MeetingPhase } from "../../shared/model/agenda";
import type { Access } from "../../shared/permissions";
import { isRecordFrozen } from "../../shared/permissions";

/** What is said aloud (aria-live) when an item's status changes while it is open. */
export function statusChangeAnnouncement(from: ItemStatus, to: ItemStatus): string {
  switch (to) {
    case "godkendt":
      return "Punktet er nu godkendt og låst.";
    case "kladde":
      return from === "godkendt"
        ? "Punktet er genåbnet og kan redigeres igen."
        : "Punktet er sendt tilbage og er nu en kladde.";
    case "til_gennemsyn":
      return "Punktet er sendt til gennemsyn.";
    case "klar_til_godkendelse":
      return "Punktet er klar til godkendelse.";
  }
}

/** What is said aloud when the meeting's minutes are approved or reopened while the item is open. */
export function phaseChangeAnnouncement(from: MeetingPhase, to: MeetingPhase): string | null {
  if (isRecordFrozen(to)) return "Referatet er godkendt. Punktet er nu låst.";
  if (isRecordFrozen(from)) return "Referatet er genåbnet.";
  return null;
}

/** The notice over an item locked because the chair has approved the meeting's minutes. */
export const RECORD_FROZEN_NOTICE =
  "Referatet er godkendt, og mødets tekst er låst. Den kan kun ændres, hvis referatet genåbnes.";

/**
 * Why the text cannot be edited, for the notice above the editor; null when it can (or while
 * the server has not yet said).
 */
export function readOnlyReason(
  access: Access | null,
  status: ItemStatus | null,
  meetingPhase: MeetingPhase | null = null,
): string | null {
  // Suggesting is editing of a kind; the editor bar says how it works.
  if (access === null || access === "write" || access === "suggest") return null;
  if (meetingPhase !== null && isRecordFrozen(meetingPhase)) return RECORD_FROZEN_NOTICE;
  if (status === "godkendt") return "Punktet er godkendt og kan ikke redigeres.";
  if (access === "comment") return "Du kan læse og kommentere punktet, men ikke redigere teksten.";
  return "Du kan læse punktet, men ikke redigere det.";
}
