/** Shapes of the HTTP API's answers, as the client reads them (see docs/API.md). */
import type { AgendaItem } from "../../shared/model";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  initials: string;
  color: string;
}

/** An item's header as `GET /api/items` and `GET /api/items/:id` answer it. */
export interface ItemSummary extends Pick<
  AgendaItem,
  "id" | "title" | "caseNumber" | "officers" | "status" | "closed"
> {
  /** Its agenda number ("2.10"); derived by the server, absent for deleted items. */
  number?: string | null;
  meetingId?: string;
  meetingTitle?: string;
  /** ISO date, "2025-09-03". */
  meetingDate?: string;
  /** The item body's document name, "item:<id>". */
  doc: string;
}
