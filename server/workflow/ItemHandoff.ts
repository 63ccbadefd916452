/**
 * "Giv videre til …": the person responsible for an item hands it to another member, with a
 * note. An officer hands on their own part; the secretariat hands on the responsible officer's
 * (the first). The new officers are stored as an agenda command (so every open client sees them
 * and access to the item is re-decided at once) and the hand-off itself is audited with who,
 * from, to and the note.
 */
import type { HandoffRequest } from "../../shared/model";
import { handedOffOfficers } from "../../shared/model";
import { isOfficerOf, mayHandOff } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { User } from "../store";

export interface HandoffOutcome {
  itemId: string;
  meetingId: string;
  from: string | null;
  to: { id: string; name: string; initials: string };
  officers: string[];
  note: string;
}

/** Told after a hand-off is stored (notifications). */
export type HandoffListener = (by: User, outcome: HandoffOutcome) => Promise<void>;

export class ItemHandoff {
  private readonly listeners: HandoffListener[] = [];

  constructor(
    private readonly meetings: MeetingService,
    private readonly policy: AccessPolicy,
  ) {}

  onHandoff(listener: HandoffListener): void {
    this.listeners.push(listener);
  }

  async handoff(user: User, itemId: string, request: HandoffRequest): Promise<HandoffOutcome> {
    const { context } = await this.policy.requireItemReadable(user, itemId);
    const meetingId = context.meeting.id;
    const outcome = await this.meetings.exclusive(meetingId, async (_meeting, apply) => {
      // Decided on the item as it is now, under the meeting's lock.
      const { role, isOfficer, context: current } = await this.policy.itemAccess(user, itemId);
      if (!mayHandOff(role, isOfficer)) {
        throw new ApiError(
          403,
          "handoff_not_allowed",
          "Kun punktets sagsbehandlere og sekretariatet kan give punktet videre",
        );
      }
      const candidates = await this.meetings.officerCandidates(current.meeting.committeeId);
      const to = candidates.find((candidate) => candidate.id === request.to);
      if (!to) {
        throw new ApiError(
          422,
          "officer_not_member",
          "Den valgte person er ikke medlem af udvalget eller kan ikke skrive punkter. Vælg en anden.",
        );
      }
      const officers = current.item.officers;
      const from = isOfficer
        ? (officers.find((officer) => isOfficerOf(user.initials, [officer])) ?? null)
        : (officers[0] ?? null);
      if (from !== null && isOfficerOf(to.initials, [from])) {
        throw new ApiError(409, "handoff_same", `Punktet er allerede hos ${to.name}`);
      }
      const next = handedOffOfficers(officers, from, to.initials);
      await apply({ type: "updateItem", itemId, officers: next }, user.id, {
        audit: false,
        notify: false,
      });
      await this.meetings.audit(user.id, "item.handoff", meetingId, itemId, {
        from,
        to: to.initials,
        toUserId: to.id,
        officers: next,
        note: request.note,
      });
      return { itemId, meetingId, from, to, officers: next, note: request.note };
    });
    for (const listener of this.listeners) await listener(user, outcome);
    return outcome;
  }
}
