/**
 * Comment threads. The server writes each thread, whole, into the item's `comments:<itemId>`
 * document (so every open client sees it at once) after checking that the person may comment,
 * stamping author and time, and — for edits — that the message is their own. Mentions of
 * committee members are kept for their "mine" list.
 */
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import type { CommentThread } from "../../shared/model";
import { COMMENTS_DOC_ROOT, CommentThread as CommentThreadSchema } from "../../shared/model";
import { docAccess, isOfficerOf, isRecordFrozen, mayComment } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import { recordFrozenError } from "../record/recordFrozen";
import type { MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { Store, User } from "../store";
import { StoreError } from "../store";
import type { SyncServer } from "../sync/SyncServer";

/** People named in a comment: who named them, where, and what the comment says. */
export type MentionListener = (mention: {
  by: User;
  userIds: readonly string[];
  itemId: string;
  meetingId: string;
  text: string;
}) => Promise<void>;

export class CommentService {
  private readonly mentionListeners: MentionListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    private readonly policy: AccessPolicy,
    private readonly sync: SyncServer,
  ) {}

  /** Told after people are named in a comment (notifications). */
  onMention(listener: MentionListener): void {
    this.mentionListeners.push(listener);
  }

  async threads(user: User, itemId: string): Promise<CommentThread[]> {
    await this.requireAccess(user, itemId, false);
    const threads: CommentThread[] = [];
    await this.withDoc(
      itemId,
      (map) => {
        for (const value of map.values()) threads.push(value as CommentThread);
      },
      false,
    );
    return threads.sort((a, b) => a.createdAt - b.createdAt);
  }

  /**
   * Everyone who may be named in the item's comments: the committee's active members who may
   * read the item and its comments (readers never see comments, so naming them would tell
   * them nothing). Searchable on the client by name and initials.
   */
  async mentionable(
    user: User,
    itemId: string,
  ): Promise<{ id: string; name: string; initials: string }[]> {
    await this.requireAccess(user, itemId, false);
    const { context } = await this.policy.itemAccess(user, itemId);
    const people: { id: string; name: string; initials: string }[] = [];
    for (const membership of await this.store.users.members(context.meeting.committeeId)) {
      const member = await this.store.users.getUser(membership.userId);
      if (!member?.active) continue;
      const access = docAccess({
        role: membership.role,
        docKind: "comments",
        meetingPhase: context.meeting.phase,
        itemStatus: context.item.status,
        isOfficer: isOfficerOf(member.initials, context.item.officers),
        itemClosed: context.item.closed,
      });
      if (access !== "none") {
        people.push({ id: member.id, name: member.name, initials: member.initials });
      }
    }
    return people.sort((a, b) => a.name.localeCompare(b.name, "da"));
  }

  async create(
    user: User,
    itemId: string,
    request: { anchor: CommentThread["anchor"]; quote: string; text: string; mentions: string[] },
  ): Promise<CommentThread> {
    const meetingId = await this.requireAccess(user, itemId, true);
    const now = Date.now();
    const thread: CommentThread = CommentThreadSchema.parse({
      id: newId(),
      itemId,
      anchor: request.anchor,
      quote: request.quote,
      resolved: false,
      resolvedBy: null,
      createdAt: now,
      messages: [await this.message(user, itemId, request.text, request.mentions, now)],
    });
    await this.withDoc(itemId, (map) => map.set(thread.id, thread));
    await this.recordMentions(user, thread, thread.messages[0]!, meetingId);
    return thread;
  }

  async reply(
    user: User,
    itemId: string,
    threadId: string,
    text: string,
    mentions: string[],
  ): Promise<CommentThread> {
    const meetingId = await this.requireAccess(user, itemId, true);
    const message = await this.message(user, itemId, text, mentions, Date.now());
    const thread = await this.update(itemId, threadId, (t) => ({
      ...t,
      messages: [...t.messages, message],
    }));
    await this.recordMentions(user, thread, message, meetingId);
    return thread;
  }

  async edit(
    user: User,
    itemId: string,
    threadId: string,
    messageId: string,
    text: string,
  ): Promise<CommentThread> {
    await this.requireAccess(user, itemId, true);
    return this.update(itemId, threadId, (t) => {
      const message = t.messages.find((m) => m.id === messageId);
      if (!message) throw new ApiError(404, "comment_not_found", "Kommentaren findes ikke");
      if (message.authorId !== user.id)
        throw new ApiError(403, "not_author", "Du kan kun rette dine egne kommentarer");
      return {
        ...t,
        messages: t.messages.map((m) =>
          m.id === messageId ? { ...m, text, editedAt: Date.now() } : m,
        ),
      };
    });
  }

  async resolve(
    user: User,
    itemId: string,
    threadId: string,
    resolved: boolean,
  ): Promise<CommentThread> {
    await this.requireAccess(user, itemId, true);
    return this.update(itemId, threadId, (t) => ({
      ...t,
      resolved,
      resolvedBy: resolved ? user.id : null,
    }));
  }

  async mine(user: User) {
    const mentions = await this.store.review.mentionsFor(user.id, 100);
    const result = [];
    for (const mention of mentions) {
      const by = await this.store.users.getUser(mention.byUserId);
      result.push({ ...mention, byName: by?.name ?? "" });
    }
    return result;
  }

  /** Creates the comments document of an item if it is not there yet. */
  async ensureDoc(itemId: string): Promise<void> {
    const name = formatDocName("comments", itemId);
    if (await this.store.docs.docExists(name)) return;
    const doc = new Y.Doc();
    doc.getMap(COMMENTS_DOC_ROOT);
    try {
      await this.store.docs.createDoc(name, Y.encodeStateAsUpdate(doc));
    } catch (error) {
      if (!(error instanceof StoreError && error.code === "doc_exists")) throw error;
    } finally {
      doc.destroy();
    }
  }

  private async requireAccess(user: User, itemId: string, toWrite: boolean): Promise<string> {
    const { access, context, role } = await this.policy.itemAccess(user, itemId);
    if (access === "none") throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    // Comments are internal working material: readers see the item, never its comments.
    if (role === "laeser")
      throw new ApiError(403, "comments_not_visible", "Kommentarer er interne");
    // Comments freeze with the record: working material on text nobody may change any more.
    if (toWrite && isRecordFrozen(context.meeting.phase)) throw recordFrozenError();
    if (toWrite && !mayComment(access)) {
      throw new ApiError(403, "comment_not_allowed", "Du kan ikke kommentere dette punkt nu");
    }
    return context.meeting.id;
  }

  private async message(user: User, itemId: string, text: string, mentions: string[], at: number) {
    // Only people who can read the thread are recorded as named in it.
    const members = new Set((await this.mentionable(user, itemId)).map((person) => person.id));
    return {
      id: newId(),
      authorId: user.id,
      authorName: user.name,
      text,
      createdAt: at,
      editedAt: null,
      mentions: [...new Set(mentions)].filter((id) => members.has(id) && id !== user.id),
    };
  }

  private async recordMentions(
    user: User,
    thread: CommentThread,
    message: CommentThread["messages"][number],
    meetingId: string,
  ) {
    for (const mentioned of message.mentions) {
      await this.store.review.addMention({
        id: newId(),
        userId: mentioned,
        threadId: thread.id,
        itemId: thread.itemId,
        meetingId,
        byUserId: user.id,
        text: message.text.slice(0, 500),
        createdAt: message.createdAt,
      });
    }
    if (message.mentions.length === 0) return;
    for (const listener of this.mentionListeners) {
      await listener({
        by: user,
        userIds: message.mentions,
        itemId: thread.itemId,
        meetingId,
        text: message.text,
      });
    }
  }

  private async update(
    itemId: string,
    threadId: string,
    change: (thread: CommentThread) => CommentThread,
  ): Promise<CommentThread> {
    let updated: CommentThread | null = null;
    await this.withDoc(itemId, (map) => {
      const current = map.get(threadId) as CommentThread | undefined;
      if (!current) throw new ApiError(404, "thread_not_found", "Tråden findes ikke");
      updated = CommentThreadSchema.parse(change(current));
      map.set(threadId, updated);
    });
    return updated!;
  }

  private async withDoc(
    itemId: string,
    use: (threads: Y.Map<unknown>) => void,
    write = true,
  ): Promise<void> {
    await this.ensureDoc(itemId);
    const doc = await this.sync.registry.get(formatDocName("comments", itemId));
    if (!doc) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    try {
      if (write) {
        // Validate inside the change: an ApiError thrown there leaves the document untouched.
        let failure: unknown = null;
        await doc.change((ydoc) => {
          try {
            use(ydoc.getMap(COMMENTS_DOC_ROOT));
          } catch (error) {
            failure = error;
          }
        });
        if (failure) throw failure;
      } else {
        use(doc.doc.getMap(COMMENTS_DOC_ROOT));
      }
    } finally {
      this.sync.registry.release(doc);
    }
  }
}
