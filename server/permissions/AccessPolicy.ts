/**
 * Applies the shared permission functions to stored facts: looks up the person's role in the
 * committee a document or item belongs to, the meeting's phase, the item's status and officers.
 * The same decisions gate websocket connections and HTTP commands.
 */
import type { DocName } from "../../shared/docName";
import type { Access, ItemTransition, RoleAction } from "../../shared/permissions";
import { RefusedReason, type RefusedReasonValue } from "../../shared/protocol";
import {
  docAccess,
  isOfficerOf,
  isRecordFrozen,
  mayTransition,
  roleMay,
  userDocAccess,
} from "../../shared/permissions";
import { meetingDayReached } from "../../shared/model";
import type { Role } from "../../shared/roles";
import { ApiError } from "../http/ApiError";
import type { ItemContext, MeetingService } from "../meetings/MeetingService";
import type { Store, User } from "../store";

export class AccessPolicy {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
  ) {}

  async roleIn(userId: string, committeeId: string): Promise<Role | null> {
    const memberships = await this.store.users.memberships(userId);
    return memberships.find((m) => m.committeeId === committeeId)?.role ?? null;
  }

  /** The access a person has to a document; `none` for documents that do not exist. */
  async docAccess(user: User, doc: DocName): Promise<Access> {
    if (!user.active) return "none";
    if (doc.kind === "user") return userDocAccess(user.id, doc.id);
    try {
      if (doc.kind === "item" || doc.kind === "comments") {
        return (await this.itemAccess(user, doc.id, doc.kind)).access;
      }
      const meeting = await this.meetings.meeting(doc.id);
      return docAccess({
        role: await this.roleIn(user.id, meeting.committeeId),
        docKind: doc.kind,
        meetingPhase: meeting.phase,
        itemStatus: null,
        isOfficer: false,
        itemClosed: false,
        meetingHasClosedItems: meeting.agenda.sections.some(
          (section) =>
            !section.deleted && section.items.some((item) => item.closed && !item.deleted),
        ),
        meetingDayReached: meetingDayReached(meeting.date),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return "none";
      throw error;
    }
  }

  /**
   * Why a person who may not write a document has their updates refused: the meeting's record
   * is frozen (its minutes approved: every item and the minutes), the item is
   * approved, or their role and the document's state allow reading only.
   */
  async refusalReason(doc: DocName): Promise<RefusedReasonValue> {
    try {
      if (doc.kind === "item" || doc.kind === "comments") {
        const { item, meeting } = await this.meetings.itemContext(doc.id);
        if (isRecordFrozen(meeting.phase)) return RefusedReason.recordFrozen;
        return item.status === "godkendt" ? RefusedReason.approved : RefusedReason.readOnly;
      }
      // The `meeting:` document is written by the server only: read-only for everyone, always.
      if (doc.kind === "minutes") {
        const meeting = await this.meetings.meeting(doc.id);
        return isRecordFrozen(meeting.phase) ? RefusedReason.recordFrozen : RefusedReason.readOnly;
      }
      return RefusedReason.readOnly;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return RefusedReason.readOnly;
      throw error;
    }
  }

  async itemAccess(
    user: User,
    itemId: string,
    kind: "item" | "comments" = "item",
  ): Promise<{ access: Access; role: Role | null; context: ItemContext; isOfficer: boolean }> {
    const context = await this.meetings.itemContext(itemId);
    const role = await this.roleIn(user.id, context.meeting.committeeId);
    const isOfficer = isOfficerOf(user.initials, context.item.officers);
    const access = context.item.deleted
      ? "none"
      : docAccess({
          role,
          docKind: kind,
          meetingPhase: context.meeting.phase,
          itemStatus: context.item.status,
          isOfficer,
          itemClosed: context.item.closed,
        });
    return { access: user.active ? access : "none", role, context, isOfficer };
  }

  /**
   * The person's access to an item they may read; otherwise throws why not, precisely for
   * members (a reader: not sent out yet, a closed item) and as "not found" for everyone else,
   * so that an item's existence is never told to people outside its committee.
   */
  async requireItemReadable(user: User, itemId: string) {
    const notFound = new ApiError(
      404,
      "item_not_found",
      "Punktet findes ikke, eller du har ikke adgang til det.",
    );
    let result: Awaited<ReturnType<AccessPolicy["itemAccess"]>>;
    try {
      result = await this.itemAccess(user, itemId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw notFound;
      throw error;
    }
    if (result.access !== "none") return result;
    const { role, context } = result;
    if (role === "laeser" && user.active && !context.item.deleted) {
      if (context.item.closed) {
        throw new ApiError(
          403,
          "item_closed",
          "Punktet er et lukket punkt. Lukkede punkter kan ikke læses med din adgang.",
        );
      }
      if (context.meeting.phase === "forberedelse") {
        throw new ApiError(
          403,
          "item_not_sent_out",
          "Punktet er ikke sendt ud endnu. Du kan læse det, når dagsordenen er sendt ud.",
        );
      }
    }
    throw notFound;
  }

  /** Throws 403 unless the person's role in the committee allows the action. */
  async requireRole(user: User, committeeId: string, action: RoleAction): Promise<Role> {
    const role = await this.roleIn(user.id, committeeId);
    if (!roleMay(role, action)) {
      throw new ApiError(403, "forbidden", "Din rolle giver ikke adgang til dette");
    }
    return role!;
  }

  /** Throws 404 when the person may not even see the meeting (no role, or a reader before it is sent out). */
  async requireMeetingVisible(user: User, meetingId: string): Promise<Role> {
    const meeting = await this.meetings.meeting(meetingId);
    const access = await this.docAccess(user, { kind: "meeting", id: meetingId });
    if (access === "none") throw new ApiError(404, "meeting_not_found", "Mødet findes ikke");
    return (await this.roleIn(user.id, meeting.committeeId))!;
  }

  /** Throws 403 unless the person may make this workflow step on the item. */
  async requireTransition(
    user: User,
    itemId: string,
    transition: ItemTransition,
  ): Promise<ItemContext> {
    const { role, context, isOfficer } = await this.itemAccess(user, itemId);
    if (!mayTransition(role, transition, context.item.status, isOfficer)) {
      throw new ApiError(
        403,
        "transition_not_allowed",
        "Du kan ikke foretage dette skridt på punktet nu",
      );
    }
    return context;
  }
}
