import type { ItemSummary } from "../api/types";

/** "2.1. Temadrøftelse om …", numbered as the agenda prints it. */
export function itemHeading(item: Pick<ItemSummary, "number" | "title">): string {
  return item.number ? `${item.number}. ${item.title}` : item.title;
}
