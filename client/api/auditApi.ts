import type { Meeting } from "../../shared/model/agenda";
import { apiFetch } from "./apiFetch";

export interface AuditEntry {
  seq: number;
  at: number;
  userId: string | null;
  action: string;
  meetingId: string | null;
  itemId: string | null;
  details: Record<string, unknown>;
}

export function auditCsvUrl(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/audit.csv`;
}

export async function fetchAudit(meetingId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/audit`;
  return (await apiFetch<{ entries: AuditEntry[] }>(path, signal ? { signal } : {})).entries;
}

/** The meeting with its agenda numbers, for naming the items an audit entry concerns. */
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

/** The audit log as the CSV export writes it (with people's names). */
export async function fetchAuditCsv(meetingId: string, signal?: AbortSignal): Promise<string> {
  const response = await fetch(auditCsvUrl(meetingId), {
    credentials: "same-origin",
    signal: signal ?? null,
  });
  if (!response.ok) throw new Error(`audit CSV: HTTP ${response.status}`);
  return response.text();
}
