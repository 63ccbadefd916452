/** Moving a meeting through its phases, and recording who attended (see docs/API.md). */
import type { Attendance, Meeting } from "../../shared/model/agenda";
import type { MeetingPhaseStep } from "../../shared/permissions";
import { apiFetch } from "./apiFetch";

const meetingBase = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/** `POST /api/meetings/:id/phase`; refused with 403 `phase_step_not_allowed`. */
export async function stepMeeting(meetingId: string, step: MeetingPhaseStep): Promise<Meeting> {
  const answer = await apiFetch<{ meeting: Meeting }>(`${meetingBase(meetingId)}/phase`, {
    method: "POST",
    body: { step },
  });
  return answer.meeting;
}

/** The agenda command `setAttendance` (secretariat): replaces the meeting's whole attendance. */
export async function saveAttendance(meetingId: string, attendance: Attendance): Promise<Meeting> {
  const answer = await apiFetch<{ meeting: Meeting }>(`${meetingBase(meetingId)}/commands`, {
    method: "POST",
    body: { type: "setAttendance", attendance },
  });
  return answer.meeting;
}

/** The chair's approval of the minutes, as the audit log records it. */
export interface MinutesApproval {
  at: number;
  userId: string | null;
  /** SHA-256 of the approved minutes' canonical content. */
  contentHash: string | null;
}

/**
 * The newest approval of the meeting's minutes, from the audit log (`meeting.approveMinutes`);
 * null when there is none. Only roles that may read the audit log get an answer (others: 403).
 */
export async function fetchMinutesApproval(
  meetingId: string,
  signal?: AbortSignal,
): Promise<MinutesApproval | null> {
  const { entries } = await apiFetch<{
    entries: {
      at: number;
      userId: string | null;
      action: string;
      details: Record<string, unknown>;
    }[];
  }>(`${meetingBase(meetingId)}/audit`, signal ? { signal } : {});
  const approvals = entries.filter((entry) => entry.action === "meeting.approveMinutes");
  const last = approvals[approvals.length - 1];
  if (!last) return null;
  const hash = last.details["contentHash"];
  return { at: last.at, userId: last.userId, contentHash: typeof hash === "string" ? hash : null };
}
