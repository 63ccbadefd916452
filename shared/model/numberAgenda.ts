import type { Agenda } from "./agenda";

/**
 * Numbers from positions: sections 1, 2, 3 …; items 2.1, 2.2 … 2.10. Deleted sections and
 * items take no number, so deleting renumbers everything after, and restoring brings it back.
 */
export function numberAgenda(agenda: Agenda): Map<string, string> {
  const numbers = new Map<string, string>();
  let sectionNumber = 0;
  for (const section of agenda.sections) {
    if (section.deleted) continue;
    sectionNumber += 1;
    numbers.set(section.id, String(sectionNumber));
    let itemNumber = 0;
    for (const item of section.items) {
      if (item.deleted) continue;
      itemNumber += 1;
      numbers.set(item.id, `${sectionNumber}.${itemNumber}`);
    }
  }
  return numbers;
}
