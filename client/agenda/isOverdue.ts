import type { AgendaItem, ItemStatus } from "../../shared/model/agenda";
import { itemDeadline } from "../../shared/model/itemDeadline";
import type { Role } from "../../shared/roles";
import { isOfficerOf, seesOverdue } from "../../shared/permissions";

/** Statuses in which the case presentation is not yet written: these can be late. */
const NOT_YET_WRITTEN: readonly ItemStatus[] = ["kladde", "til_gennemsyn"];

/**
 * An item is overdue when its deadline (its own, else the meeting's frist for sagsfremstilling)
 * has passed and the item is still a draft or in review. `today` is the local date, "YYYY-MM-DD".
 */
export function isOverdue(
  item: Pick<AgendaItem, "status" | "deadline">,
  meetingDeadline: string | null | undefined,
  today: string,
): boolean {
  const deadline = itemDeadline(item, meetingDeadline);
  return deadline !== null && deadline < today && NOT_YET_WRITTEN.includes(item.status);
}

/** Who is looking: overdue is shown only to those who can act on the item (`seesOverdue`). */
export interface OverdueViewer {
  role: Role | null;
  initials: string;
}

/** Whether to show this person that the item is overdue. */
export function overdueFor(
  viewer: OverdueViewer,
  item: Pick<AgendaItem, "status" | "deadline" | "officers">,
  meetingDeadline: string | null | undefined,
  today: string,
): boolean {
  return (
    seesOverdue(viewer.role, isOfficerOf(viewer.initials, item.officers)) &&
    isOverdue(item, meetingDeadline, today)
  );
}

/** Today as "YYYY-MM-DD" in the person's own time zone. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
