/** Moving a meeting through its phases, and recording who attended (see docs/API.md). */
import type { Attendance, Meeting } from "../../shared/model/agenda";
import type { MeetingPhaseStep } from "../../shared/permissions";
import { apiFetch } from "./apiFetch";

const meetingBase = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/**
 * `POST /api/meetings/:id/phase`. Refusals: 403 `phase_step_not_allowed`, 400 `reason_required`
 * (reopening), 409 `unapproved_items` (sending out with items not Godkendt that the request did
 * not confirm; the current list is in `details.items`).
 */
export async function stepMeeting(
  meetingId: string,
  step: MeetingPhaseStep,
  options: { reason?: string; confirmUnapprovedItems?: readonly string[] } = {},
): Promise<Meeting> {
  const answer = await apiFetch<{ meeting: Meeting }>(`${meetingBase(meetingId)}/phase`, {
    method: "POST",
    body: { step, ...options },
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
