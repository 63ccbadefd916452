/** The audit log page of a meeting. */
export function auditPath(meetingId: string): string {
  return `/moeder/${encodeURIComponent(meetingId)}/revisionsspor`;
}
