import type { Meeting } from "../../shared/model/agenda";
import type { AgendaCommand } from "../../shared/model/agendaCommands";
import { apiFetch } from "./apiFetch";
import type {
  CommitteeMembership,
  MeetingDocument,
  MeetingSummary,
  MeetingView,
} from "./meetingTypes";

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export async function fetchCommittees(signal?: AbortSignal): Promise<CommitteeMembership[]> {
  return (
    await apiFetch<{ committees: CommitteeMembership[] }>("/api/committees", withSignal(signal))
  ).committees;
}

export async function fetchMeetings(
  committeeId: string,
  signal?: AbortSignal,
): Promise<MeetingSummary[]> {
  const path = `/api/committees/${encodeURIComponent(committeeId)}/meetings`;
  return (await apiFetch<{ meetings: MeetingSummary[] }>(path, withSignal(signal))).meetings;
}

export interface NewMeetingDetails {
  title: string;
  date: string;
  startTime: string;
  endTime: string | null;
  place: string;
}

export async function createMeeting(
  committeeId: string,
  details: NewMeetingDetails,
): Promise<MeetingView> {
  const path = `/api/committees/${encodeURIComponent(committeeId)}/meetings`;
  return (
    await apiFetch<{ meeting: MeetingView }>(path, {
      method: "POST",
      body: { ...details, fromTemplate: true },
    })
  ).meeting;
}

export async function fetchMeeting(id: string, signal?: AbortSignal): Promise<MeetingView> {
  const path = `/api/meetings/${encodeURIComponent(id)}`;
  return (await apiFetch<{ meeting: MeetingView }>(path, withSignal(signal))).meeting;
}

/** Sends one agenda command; the answer is the meeting after it (the live doc follows). */
export async function sendAgendaCommand(
  meetingId: string,
  command: AgendaCommand,
): Promise<{ meeting: Meeting; createdId: string | null }> {
  const path = `/api/meetings/${encodeURIComponent(meetingId)}/commands`;
  return apiFetch(path, { method: "POST", body: command });
}

export async function fetchMeetingDocument(
  id: string,
  signal?: AbortSignal,
): Promise<MeetingDocument> {
  const path = `/api/meetings/${encodeURIComponent(id)}/document`;
  return apiFetch<MeetingDocument>(path, withSignal(signal));
}
