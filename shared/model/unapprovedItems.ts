import type { Agenda, ItemStatus } from "./agenda";
import { numberAgenda } from "./numberAgenda";

/** An item on the agenda whose text the chair has not approved. */
export interface UnapprovedItem {
  id: string;
  /** "2.3" */
  number: string;
  title: string;
  status: ItemStatus;
}

/**
 * The live items (not deleted, in a live section) that are not Godkendt, in agenda order.
 * Sending the agenda out or publishing with any of them is a decision the person confirms by
 * naming them; the server refuses until every one is confirmed.
 */
export function unapprovedItems(agenda: Agenda): UnapprovedItem[] {
  const numbers = numberAgenda(agenda);
  return agenda.sections
    .filter((section) => !section.deleted)
    .flatMap((section) => section.items)
    .filter((item) => !item.deleted && item.status !== "godkendt")
    .map((item) => ({
      id: item.id,
      number: numbers.get(item.id) ?? "",
      title: item.title,
      status: item.status,
    }));
}
