/**
 * Notifications: what concerns one person — assigned to an item, handed an item, their item sent
 * back or approved, named in a comment, an item's deadline tomorrow. Each is stored for its
 * person (read/unread) and announced on their own channel, the `user:<id>` document, which
 * only they may open and which holds nothing but the unread count and a change stamp; the
 * notifications are read over HTTP.
 *
 * Permission-safe twice: a notification about an item is made only for someone who may read
 * the item then, and the list drops any whose item they can no longer read (closed since).
 */
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import type { Meeting, NotificationKind, NotificationView } from "../../shared/model";
import {
  danishToday,
  formatDanishDate,
  itemDeadline,
  USER_DOC_CHANGED_KEY,
  USER_DOC_ROOT,
  USER_DOC_UNREAD_KEY,
} from "../../shared/model";
import { isRecordFrozen } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import type { Log } from "../logger";
import { candidateFor } from "../meetings/committeeOfficers";
import type { AcceptedCommand, MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { Store, User } from "../store";
import { StoreError } from "../store";
import type { CommentService } from "../review/CommentService";
import type { SyncServer } from "../sync/SyncServer";
import type { ItemHandoff } from "../workflow/ItemHandoff";
import type { ItemWorkflow } from "../workflow/ItemWorkflow";

/** How many of a person's notifications the list shows. */
const LIST_LIMIT = 50;
/** Statuses whose case presentation is still being written: these get a deadline reminder. */
const BEING_WRITTEN = new Set(["kladde", "til_gennemsyn"]);

export interface NewNotification {
  kind: NotificationKind;
  userIds: Iterable<string>;
  /** Who caused it; never told of their own doing. Null: the server (a deadline). */
  actor: User | null;
  meetingId: string;
  itemId: string;
  text: string;
  /** At most one per person and key. */
  dedupeKey?: string;
}

export class NotificationService {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    private readonly policy: AccessPolicy,
    private readonly sync: SyncServer,
    private readonly log: Log,
  ) {}

  /** Subscribes to what people are told of: commands, hand-offs, workflow steps, mentions. */
  listenTo(sources: {
    handoff: ItemHandoff;
    workflow: ItemWorkflow;
    comments: CommentService;
  }): void {
    this.meetings.onCommand((accepted) => this.commandAccepted(accepted));
    sources.handoff.onHandoff((by, outcome) =>
      this.safely("handoff", async () => {
        const { item } = await this.meetings.itemContext(outcome.itemId);
        await this.notify({
          kind: "handed",
          userIds: [outcome.to.id],
          actor: by,
          meetingId: outcome.meetingId,
          itemId: outcome.itemId,
          text: `${by.name} har givet punktet «${item.title}» videre til dig: «${outcome.note}»`,
        });
      }),
    );
    sources.workflow.onTransition((by, context, transition, reason) =>
      this.safely("transition", async () => {
        if (transition !== "sendBack" && transition !== "approve") return;
        const title = context.item.title;
        await this.notify({
          kind: transition === "sendBack" ? "sent_back" : "approved",
          userIds: await this.officerUserIds(context.meeting.committeeId, context.item.officers),
          actor: by,
          meetingId: context.meeting.id,
          itemId: context.item.id,
          text:
            transition === "sendBack"
              ? `${by.name} har sendt punktet «${title}» tilbage til rettelser: «${reason ?? ""}»`
              : `${by.name} har godkendt den endelige tekst til punktet «${title}».`,
        });
      }),
    );
    sources.comments.onMention((mention) =>
      this.safely("mention", async () => {
        const { item } = await this.meetings.itemContext(mention.itemId);
        await this.notify({
          kind: "mentioned",
          userIds: mention.userIds,
          actor: mention.by,
          meetingId: mention.meetingId,
          itemId: mention.itemId,
          text: `${mention.by.name} har nævnt dig i en kommentar til punktet «${item.title}»: «${shorten(mention.text)}»`,
        });
      }),
    );
  }

  /** Telling people must never fail what they are told of, which is stored already. */
  private async safely(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.log("could not notify", { what, error: (error as Error).message });
    }
  }

  /** Stores and announces a notification for each person who may read the item. */
  async notify(notification: NewNotification): Promise<string[]> {
    const told: string[] = [];
    for (const userId of new Set(notification.userIds)) {
      if (notification.actor && userId === notification.actor.id) continue;
      const user = await this.store.users.getUser(userId);
      if (!user?.active) continue;
      if (!(await this.mayRead(user, notification.itemId))) continue;
      const stored = await this.store.notifications.addNotification({
        id: newId(),
        userId,
        kind: notification.kind,
        meetingId: notification.meetingId,
        itemId: notification.itemId,
        actorId: notification.actor?.id ?? null,
        text: notification.text,
        dedupeKey: notification.dedupeKey ?? null,
        createdAt: Date.now(),
        readAt: null,
        emailedAt: null,
      });
      if (!stored) continue;
      told.push(userId);
      await this.announce(userId);
    }
    return told;
  }

  /** The person's notifications, newest first, without those about items they cannot read now. */
  async list(user: User): Promise<{ notifications: NotificationView[]; unread: number }> {
    await this.ensureChannel(user.id);
    const rows = await this.store.notifications.listNotifications(user.id, LIST_LIMIT);
    const readable = new Map<string, boolean>();
    const notifications: NotificationView[] = [];
    for (const row of rows) {
      if (row.itemId) {
        if (!readable.has(row.itemId))
          readable.set(row.itemId, await this.mayRead(user, row.itemId));
        if (!readable.get(row.itemId)) continue;
      }
      notifications.push({
        id: row.id,
        kind: row.kind as NotificationKind,
        text: row.text,
        meetingId: row.meetingId,
        itemId: row.itemId,
        createdAt: row.createdAt,
        read: row.readAt !== null,
      });
    }
    return { notifications, unread: await this.store.notifications.countUnread(user.id) };
  }

  /** Marks the person's notifications read (the given ones, or all); resolves with the unread count. */
  async markRead(user: User, ids: readonly string[] | null): Promise<number> {
    const changed = await this.store.notifications.markRead(user.id, ids, Date.now());
    if (changed > 0) await this.announce(user.id);
    return this.store.notifications.countUnread(user.id);
  }

  /** An accepted agenda command: people newly made officers of an item are told. */
  async commandAccepted({ before, after, command, userId, createdId }: AcceptedCommand) {
    if (command.type !== "createItem" && command.type !== "updateItem") return;
    const itemId = command.type === "createItem" ? createdId : command.itemId;
    if (!itemId) return;
    const item = findItem(after, itemId);
    if (!item) return;
    const previous = findItem(before, itemId)?.officers ?? [];
    const added = item.officers.filter(
      (officer) => !previous.some((p) => p.toLowerCase() === officer.toLowerCase()),
    );
    if (added.length === 0) return;
    const actor = await this.store.users.getUser(userId);
    await this.notify({
      kind: "assigned",
      userIds: await this.officerUserIds(after.committeeId, added),
      actor,
      meetingId: after.id,
      itemId,
      text: `${actor?.name ?? "Sekretariatet"} har sat dig på punktet «${item.title}».`,
    });
  }

  /** The user ids of the members whose initials these are. */
  async officerUserIds(committeeId: string, officers: readonly string[]): Promise<string[]> {
    const candidates = await this.meetings.officerCandidates(committeeId);
    return officers.flatMap((initials) => {
      const candidate = candidateFor(initials, candidates);
      return candidate ? [candidate.id] : [];
    });
  }

  /**
   * Tells each item's officers the day before its deadline (its own, else the meeting's) while
   * its case presentation is still being written. Once per item, deadline and person.
   */
  async remindDeadlines(now = new Date()): Promise<number> {
    const tomorrow = danishToday(new Date(now.getTime() + 24 * 3600 * 1000));
    let told = 0;
    for (const committee of await this.meetings.listCommittees()) {
      for (const meeting of await this.meetings.listMeetings(committee.id)) {
        if (isRecordFrozen(meeting.phase)) continue;
        for (const section of meeting.agenda.sections) {
          if (section.deleted) continue;
          for (const item of section.items) {
            if (item.deleted || !BEING_WRITTEN.has(item.status)) continue;
            const deadline = itemDeadline(item, meeting.deadline);
            if (deadline !== tomorrow) continue;
            const people = await this.notify({
              kind: "deadline_tomorrow",
              userIds: await this.officerUserIds(meeting.committeeId, item.officers),
              actor: null,
              meetingId: meeting.id,
              itemId: item.id,
              text: `Fristen for sagsfremstilling til punktet «${item.title}» er i morgen, ${formatDanishDate(deadline)}.`,
              dedupeKey: `deadline:${item.id}:${deadline}`,
            });
            told += people.length;
          }
        }
      }
    }
    return told;
  }

  private async mayRead(user: User, itemId: string): Promise<boolean> {
    try {
      return (await this.policy.itemAccess(user, itemId)).access !== "none";
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false;
      throw error;
    }
  }

  /** Creates the person's channel document if it is not there yet. */
  private async ensureChannel(userId: string): Promise<void> {
    const name = formatDocName("user", userId);
    if (await this.store.docs.docExists(name)) return;
    const doc = new Y.Doc();
    try {
      await this.store.docs.createDoc(name, Y.encodeStateAsUpdate(doc));
    } catch (error) {
      // Another request (or instance) created it meanwhile.
      if (!(error instanceof StoreError && error.code === "doc_exists")) throw error;
    } finally {
      doc.destroy();
    }
  }

  /** Writes the person's unread count to their channel; every open tab of theirs sees it. */
  private async announce(userId: string): Promise<void> {
    await this.ensureChannel(userId);
    const doc = await this.sync.registry.get(formatDocName("user", userId));
    if (!doc) {
      this.log("notification channel missing", { user: userId });
      return;
    }
    try {
      const unread = await this.store.notifications.countUnread(userId);
      await doc.change((ydoc) => {
        const root = ydoc.getMap(USER_DOC_ROOT);
        root.set(USER_DOC_UNREAD_KEY, unread);
        root.set(USER_DOC_CHANGED_KEY, Date.now());
      });
    } finally {
      this.sync.registry.release(doc);
    }
  }
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function findItem(meeting: Meeting, itemId: string) {
  for (const section of meeting.agenda.sections) {
    const item = section.items.find((candidate) => candidate.id === itemId);
    if (item) return item;
  }
  return null;
}
