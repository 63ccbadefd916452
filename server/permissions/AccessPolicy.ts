/**
 * Applies the shared permission functions to stored facts: looks up the person's role in the
 * committee a document or item belongs to, the meeting's phase, the item's status and officers.
 * The same decisions gate websocket connections and HTTP commands.
 */
import type { DocName } from "../../shared/docName";
import type { Access, ItemTransition, RoleAction } from "../../shared/permissions";
import { docAccess, isOfficerOf, mayTransition, roleMay } from "../../shared/permissions";
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
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return "none";
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
