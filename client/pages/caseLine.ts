import { formatOfficers } from "../../shared/model/caseNumber";
import type { ItemSummary } from "../api/types";

/** "SAG-2025-03188 mlal/anjh", as the printed agendas show it under an item's title. */
export function caseLine(item: Pick<ItemSummary, "caseNumber" | "officers">): string {
  return [item.caseNumber ?? "", formatOfficers(item.officers)]
    .filter((part) => part !== "")
    .join(" ");
}
