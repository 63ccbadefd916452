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
