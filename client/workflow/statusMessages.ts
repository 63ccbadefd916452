import type { ItemStatus } from "../../shared/model/agenda";
import type { Access } from "../../shared/permissions";

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

/**
 * Why the text cannot be edited, for the notice above the editor; null when it can (or while
 * the server has not yet said).
 */
export function readOnlyReason(access: Access | null, status: ItemStatus | null): string | null {
  if (access === null || access === "write") return null;
  if (status === "godkendt") return "Punktet er godkendt og kan ikke redigeres.";
  if (access === "comment") return "Du kan læse og kommentere punktet, men ikke redigere teksten.";
  return "Du kan læse punktet, men ikke redigere det.";
}
