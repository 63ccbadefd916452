import { ITEM_STATUS_LABELS, type ItemStatus } from "../../shared/model/agenda";

/** Audit actions as the audit page names them; unknown ones are shown as recorded. */
const ACTION_LABELS: Record<string, string> = {
  "item.sendToReview": "Sendt til gennemsyn",
  "item.signOff": "Faglig gennemgang godkendt",
  "item.sendBack": "Sendt tilbage",
  "item.approve": "Godkendt",
  "item.reopen": "Genåbnet",
  "item.version": "Version gemt",
  "item.restore_version": "Version gendannet",
  "agenda.updateMeeting": "Mødets oplysninger ændret",
  "agenda.createSection": "Sektion oprettet",
  "agenda.renameSection": "Sektion omdøbt",
  "agenda.moveSection": "Sektion flyttet",
  "agenda.deleteSection": "Sektion slettet",
  "agenda.restoreSection": "Sektion gendannet",
  "agenda.createItem": "Punkt oprettet",
  "agenda.updateItem": "Punktets oplysninger ændret",
  "agenda.moveItem": "Punkt flyttet",
  "agenda.deleteItem": "Punkt slettet",
  "agenda.restoreItem": "Punkt gendannet",
  "agenda.setItemStatus": "Status ændret",
  "agenda.setAttendance": "Fremmøde registreret",
  "meeting.create": "Møde oprettet",
  "meeting.import": "Møde importeret",
  "meeting.publish": "Offentliggjort",
  "meeting.sendAgenda": "Dagsorden udsendt",
  "meeting.holdMeeting": "Mødet er afholdt",
  "meeting.approveMinutes": "Referat godkendt",
  "meeting.reopenMinutes": "Referat genåbnet",
  "publication.accept_finding": "Persondatafund accepteret",
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

function statusLabel(value: unknown): string | null {
  return typeof value === "string" && value in ITEM_STATUS_LABELS
    ? ITEM_STATUS_LABELS[value as ItemStatus]
    : null;
}

/** The details worth reading: a status change, the reason given, a version's name. */
export function auditDetailText(action: string, details: Record<string, unknown>): string {
  const parts: string[] = [];
  const from = statusLabel(details["from"]);
  const to = statusLabel(details["to"]) ?? statusLabel(details["status"]);
  if (from && to) parts.push(`${from} → ${to}`);
  else if (to) parts.push(`Ny status: ${to}`);
  if (typeof details["reason"] === "string") parts.push(`Begrundelse: ${details["reason"]}`);
  if (typeof details["name"] === "string") parts.push(`«${details["name"]}»`);
  if (typeof details["title"] === "string") parts.push(`«${details["title"]}»`);
  // The approved text's fingerprint (SHA-256 of its canonical form) is what approval records.
  if (action === "item.approve" && typeof details["contentHash"] === "string") {
    parts.push(`Fingeraftryk ${details["contentHash"].slice(0, 12)}…`);
  }
  return parts.join(" · ");
}

/**
 * The entries to show: a workflow step is stored twice (the status change of the agenda, then
 * the step with its reason and version); the first of the pair is left out as a repetition.
 */
export function withoutRepeatedSteps<
  T extends { action: string; itemId: string | null; userId: string | null; seq: number },
>(entries: readonly T[]): T[] {
  const steps = new Set(
    entries
      .filter((e) => e.action.startsWith("item.") && e.action !== "item.version")
      .map((e) => `${e.itemId}|${e.userId}|${e.seq}`),
  );
  return entries.filter(
    (e) =>
      e.action !== "agenda.setItemStatus" ||
      !(
        steps.has(`${e.itemId}|${e.userId}|${e.seq + 1}`) ||
        steps.has(`${e.itemId}|${e.userId}|${e.seq + 2}`)
      ),
  );
}
