/**
 * Moving a meeting through its phases: Under forberedelse → Dagsorden udsendt → Møde afholdt
 * (referat under udarbejdelse) → Referat godkendt. Each step by the right role, audited; every
 * open connection to the meeting's documents is re-decided at once (readers gain the agenda
 * when it is sent out; the minutes become writable for the secretariat when the meeting is held).
 *
 * Approving the minutes freezes the whole meeting record (`server/record`), all in one turn of
 * the meeting's lock so no command can slip in between: the phase is stored, every open editor
 * of the meeting's documents is demoted to read, the item bodies and the minutes are recorded as
 * versions, and the record's hash is stored with the approval. Reopening needs a reason, which
 * the audit log and the published minutes' notice keep.
 */
import { formatDocName } from "../../shared/docName";
import type { Meeting, MinutesApproval } from "../../shared/model";
import type { MeetingPhaseStep } from "../../shared/permissions";
import {
  MEETING_PHASE_STEPS,
  mayStepMeeting,
  PHASE_STEPS_NEEDING_REASON,
} from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { PublicationService } from "../publishing/PublicationService";
import { meetingRecord, readRecordSource, recordHash } from "../record";
import type { User } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import type { VersionService } from "../versions/VersionService";
import { requireUnapprovedConfirmed, unapprovedForAudit } from "./confirmUnapproved";

export interface PhaseStepOptions {
  /** Why approved minutes are reopened (required for `reopenMinutes`). */
  reason?: string | null;
  /** `sendAgenda`: the ids of the items not Godkendt that the person confirms sending with. */
  confirmUnapprovedItems?: readonly string[];
}

export class MeetingPhases {
  constructor(
    private readonly meetings: MeetingService,
    private readonly policy: AccessPolicy,
    private readonly sync: SyncServer,
    private readonly versions: VersionService,
    private readonly publications: PublicationService,
  ) {}

  async step(
    user: User,
    meetingId: string,
    step: MeetingPhaseStep,
    options: PhaseStepOptions = {},
  ): Promise<Meeting> {
    const reason = options.reason?.trim() ?? "";
    if (PHASE_STEPS_NEEDING_REASON.includes(step) && reason === "") {
      throw new ApiError(400, "reason_required", "Skriv en begrundelse");
    }
    return this.meetings.exclusive(meetingId, async (meeting, apply) => {
      const role = await this.policy.roleIn(user.id, meeting.committeeId);
      if (!mayStepMeeting(role, step, meeting.phase)) {
        throw new ApiError(
          403,
          "phase_step_not_allowed",
          "Du kan ikke flytte mødet til den fase nu",
        );
      }
      const rule = MEETING_PHASE_STEPS[step];
      const unapproved =
        step === "sendAgenda"
          ? requireUnapprovedConfirmed(
              meeting.agenda,
              options.confirmUnapprovedItems,
              "dagsordenen skal udsendes",
            )
          : [];
      let result = (await apply({ type: "setPhase", phase: rule.to }, user.id)).meeting;
      await this.refreshMeetingDocs(result);
      let approval: MinutesApproval | null = null;
      if (step === "approveMinutes") {
        approval = await this.freeze(user, result);
        result = (await apply({ type: "setApproval", approval }, user.id, { audit: false }))
          .meeting;
      }
      const at = Date.now();
      if (step === "reopenMinutes") await this.publications.minutesReopened(meetingId, at, reason);
      await this.meetings.audit(user.id, `meeting.${step}`, meetingId, null, {
        from: rule.from,
        to: rule.to,
        ...(reason ? { reason } : {}),
        ...(unapproved.length > 0 ? { unapprovedItems: unapprovedForAudit(unapproved) } : {}),
        ...(approval
          ? { recordHash: approval.recordHash, minutesVersionId: approval.minutesVersionId }
          : {}),
        ...(step === "reopenMinutes" && meeting.approval
          ? { approvedRecordHash: meeting.approval.recordHash }
          : {}),
      });
      return result;
    });
  }

  /**
   * Records what the chair approved: every live item body and the minutes as versions, and the
   * hash of the whole record. Runs after every editor is demoted, so nothing changes meanwhile.
   */
  private async freeze(user: User, meeting: Meeting): Promise<MinutesApproval> {
    const name = `Referat godkendt (${user.name})`;
    const itemVersionIds: Record<string, string> = {};
    for (const section of meeting.agenda.sections) {
      if (section.deleted) continue;
      for (const item of section.items) {
        if (item.deleted) continue;
        itemVersionIds[item.id] = (await this.versions.record(item.id, name, "auto", user.id)).id;
      }
    }
    const minutes = await this.versions.recordMinutes(
      meeting.id,
      name,
      user.id,
      meeting.attendance,
    );
    const source = await readRecordSource(this.meetings, this.sync, meeting.id);
    return {
      at: Date.now(),
      by: user.id,
      byName: user.name,
      recordHash: recordHash(meetingRecord(source, "referat")),
      minutesVersionId: minutes.id,
      itemVersionIds,
    };
  }

  private async refreshMeetingDocs(meeting: Meeting): Promise<void> {
    await this.sync.refreshAccess(formatDocName("meeting", meeting.id));
    await this.sync.refreshAccess(formatDocName("minutes", meeting.id));
    for (const section of meeting.agenda.sections) {
      for (const item of section.items) {
        await this.sync.refreshAccess(formatDocName("item", item.id));
        await this.sync.refreshAccess(formatDocName("comments", item.id));
      }
    }
  }
}
