import type { AuditCategory, AuditListing } from "../../shared/audit";
import type { Meeting } from "../../shared/model/agenda";
import { apiFetch } from "./apiFetch";

/** What the audit log is filtered by; empty fields filter nothing. */
export interface AuditFilter {
  category: AuditCategory | "";
  userId: string;
  meetingId: string;
  itemId: string;
  /** "YYYY-MM-DD", Danish calendar days, both included. */
  from: string;
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilter = {
  category: "",
  userId: "",
  meetingId: "",
  itemId: "",
  from: "",
  to: "",
};

function query(filter: AuditFilter): string {
  const params = new URLSearchParams(
    Object.entries(filter).filter(([, value]) => value !== ""),
  ).toString();
  return params === "" ? "" : `?${params}`;
}

/** The committee's audit log, filtered, with the choices for the filters. */
export async function fetchAuditLog(
  committeeId: string,
  filter: AuditFilter,
  signal?: AbortSignal,
): Promise<AuditListing> {
  const path = `/api/committees/${encodeURIComponent(committeeId)}/audit${query(filter)}`;
  return apiFetch<AuditListing>(path, signal ? { signal } : {});
}

/** The same entries as CSV (semicolon-separated, UTF-8 with BOM, for Excel). */
export function auditCsvUrl(committeeId: string, filter: AuditFilter): string {
  return `/api/committees/${encodeURIComponent(committeeId)}/audit.csv${query(filter)}`;
}

/** The meeting with its agenda numbers (for the committee it belongs to, and its items). */
export async function fetchMeetingForAudit(
  meetingId: string,
  signal?: AbortSignal,
): Promise<{ meeting: Meeting; numbers: Record<string, string> }> {
  const path = `/api/meetings/${encodeURIComponent(meetingId)}`;
  const answer = await apiFetch<{ meeting: Meeting & { numbers?: Record<string, string> } }>(
    path,
    signal ? { signal } : {},
  );
  return { meeting: answer.meeting, numbers: answer.meeting.numbers ?? {} };
}
