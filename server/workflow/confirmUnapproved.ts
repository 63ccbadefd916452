import type { Agenda, UnapprovedItem } from "../../shared/model";
import { unapprovedItems } from "../../shared/model";
import { ApiError } from "../http/ApiError";

/**
 * Sending the agenda out or publishing while items are not Godkendt is a decision: the request
 * must name every such item (`confirmUnapprovedItems`, their ids), as the person saw them.
 * Refused with 409 `unapproved_items` and the current list in `details.items` otherwise — also
 * when an item became unapproved after the person looked. Returns the list, for the audit log.
 */
export function requireUnapprovedConfirmed(
  agenda: Agenda,
  confirmed: readonly string[] | undefined,
  /** What is confirmed, as the message says it: "dagsordenen skal udsendes". */
  doing: string,
): UnapprovedItem[] {
  const items = unapprovedItems(agenda);
  const missing = items.filter((item) => !(confirmed ?? []).includes(item.id));
  if (missing.length > 0) {
    throw new ApiError(
      409,
      "unapproved_items",
      `${items.length === 1 ? "Et punkt er" : `${items.length} punkter er`} ikke godkendt. Bekræft, at ${doing} alligevel.`,
      { items },
    );
  }
  return items;
}

/** The list as the audit log keeps it: what an auditor reads, without internal ids. */
export function unapprovedForAudit(items: readonly UnapprovedItem[]) {
  return items.map(({ number, title, status }) => ({ number, title, status }));
}
