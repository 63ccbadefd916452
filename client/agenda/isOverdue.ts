import type { AgendaItem, ItemStatus } from "../../shared/model/agenda";

/** Statuses in which the case presentation is not yet written: these can be late. */
const NOT_YET_WRITTEN: readonly ItemStatus[] = ["kladde", "til_gennemsyn"];

/**
 * An item is overdue when the meeting's deadline (frist for sagsfremstilling) has passed and
 * the item is still a draft or in review. `today` is the local date, "YYYY-MM-DD".
 */
export function isOverdue(
  item: Pick<AgendaItem, "status">,
  deadline: string | null | undefined,
  today: string,
): boolean {
  return deadline != null && deadline < today && NOT_YET_WRITTEN.includes(item.status);
}

/** Today as "YYYY-MM-DD" in the person's own time zone. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
