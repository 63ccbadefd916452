/** The audit log as the API sends it (`GET /api/committees/:id/audit`) and the page shows it. */
import type { AuditCategory } from "./auditActions";
import type { AuditDetail } from "./renderAuditDetails";

/** One entry as shown: every field a column of the page and of the CSV. */
export interface AuditRow {
  seq: number;
  /** Milliseconds since 1970, for a machine-readable `<time datetime>`. */
  at: number;
  /** "4. dec. 2026 kl. 17.45", Danish time. */
  time: string;
  person: string;
  actionLabel: string;
  category: AuditCategory;
  /** "Møde i KKR Syddanmark, 3. september 2025", or "". */
  meeting: string;
  /** "2.3. Title", or "". */
  item: string;
  details: AuditDetail[];
  /** For links and filters on the page; never printed. */
  action: string;
  meetingId: string | null;
  itemId: string | null;
}

export interface AuditListing {
  rows: AuditRow[];
  /** The choices for the filters: who and which meetings appear in the committee's log. */
  people: { id: string; name: string }[];
  meetings: { id: string; label: string }[];
  /** Items with entries, of the chosen meeting when one is chosen. */
  items: { id: string; label: string }[];
  categories: { id: AuditCategory; label: string }[];
}
