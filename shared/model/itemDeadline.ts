import type { AgendaItem } from "./agenda";

/**
 * The deadline that holds for an item's case presentation: its own, else the meeting's "Frist
 * for sagsfremstilling"; null when neither is set. "YYYY-MM-DD".
 */
export function itemDeadline(
  item: Pick<AgendaItem, "deadline">,
  meetingDeadline: string | null | undefined,
): string | null {
  return item.deadline ?? meetingDeadline ?? null;
}
