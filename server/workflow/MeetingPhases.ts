/**
 * Moving a meeting through its phases: Under forberedelse → Dagsorden udsendt → Møde afholdt
 * (referat under udarbejdelse) → Referat godkendt. Each step by the right role, audited; every
 * open connection to the meeting's documents is re-decided at once (readers gain the agenda
 * when it is sent out; the minutes become writable for the secretariat when the meeting is held
 * and read-only when the chair approves them).
 */
import { formatDocName } from "../../shared/docName";
import type { MeetingPhaseStep } from "../../shared/permissions";
import { MEETING_PHASE_STEPS, mayStepMeeting } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { User } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import type { VersionService } from "../versions/VersionService";

export class MeetingPhases {
  constructor(
    private readonly meetings: MeetingService,
    private readonly policy: AccessPolicy,
    private readonly sync: SyncServer,
    private readonly versions: VersionService,
  ) {}

  async step(
    user: User,
    meetingId: string,
    step: MeetingPhaseStep,
    details: Record<string, unknown> = {},
  ) {
    const meeting = await this.meetings.meeting(meetingId);
    const role = await this.policy.roleIn(user.id, meeting.committeeId);
    if (!mayStepMeeting(role, step, meeting.phase)) {
      throw new ApiError(403, "phase_step_not_allowed", "Du kan ikke flytte mødet til den fase nu");
    }
    const rule = MEETING_PHASE_STEPS[step];
    const result = await this.meetings.runCommand(
      meetingId,
      { type: "setPhase", phase: rule.to },
      user.id,
    );
    await this.refreshMeetingDocs(
      result.meeting.id,
      result.meeting.agenda.sections.flatMap((s) => s.items.map((i) => i.id)),
    );
    // Approved minutes are locked (the refresh above made them read-only) with a content hash.
    const frozen =
      step === "approveMinutes"
        ? await this.versions.recordMinutes(
            meetingId,
            `Referat godkendt (${user.name})`,
            user.id,
            result.meeting.attendance,
          )
        : null;
    await this.meetings.audit(user.id, `meeting.${step}`, meetingId, null, {
      from: rule.from,
      to: rule.to,
      ...details,
      ...(frozen ? { versionId: frozen.id, contentHash: frozen.contentHash } : {}),
    });
    return result.meeting;
  }

  private async refreshMeetingDocs(meetingId: string, itemIds: string[]): Promise<void> {
    await this.sync.refreshAccess(formatDocName("meeting", meetingId));
    await this.sync.refreshAccess(formatDocName("minutes", meetingId));
    for (const itemId of itemIds) {
      await this.sync.refreshAccess(formatDocName("item", itemId));
      await this.sync.refreshAccess(formatDocName("comments", itemId));
    }
  }
}
