/**
 * Meetings and their agendas. The stored meeting (one JSON row per meeting) is the source of
 * truth; every accepted command is validated, stored with a version bump, audited, and then
 * projected into the `meeting:<id>` Yjs document so every open client sees it at once.
 * Commands on one meeting run one at a time.
 */
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import type {
  AgendaCommand,
  InternalAgendaCommand,
  Meeting,
  MeetingDetails,
  MeetingTemplate,
} from "../../shared/model";
import {
  AgendaError,
  applyAgendaCommand,
  DEFAULT_MEETING_TEMPLATE,
  fillTemplate,
  Meeting as MeetingSchema,
  MEETING_DOC_ROOT,
  MEETING_DOC_STATE_KEY,
  MeetingTemplate as MeetingTemplateSchema,
  numberAgenda,
  RECORD_NEUTRAL_COMMANDS,
} from "../../shared/model";
import { isRecordFrozen } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import { recordFrozenError } from "../record/recordFrozen";
import type { ItemBodyJson } from "../items/createItem";
import { createItemDocument, itemBodyWith } from "../items/createItem";
import type { Log } from "../logger";
import type { CommitteeRow, Store } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import type { OfficerCandidate } from "./committeeOfficers";
import { officerCandidates, resolveOfficers } from "./committeeOfficers";
import { newId } from "./newId";
import { ParsedMeetings } from "./ParsedMeetings";
import { withoutClosedAttachments } from "./withoutClosedAttachments";

export interface ItemContext {
  meeting: Meeting;
  item: Meeting["agenda"]["sections"][number]["items"][number];
  sectionId: string;
  number: string | null;
}

export interface CommandOutcome {
  meeting: Meeting;
  createdId?: string;
}

/**
 * Applies a command inside `MeetingService.exclusive`; `audit: false` for bookkeeping the caller
 * audits itself, `notify: false` when the caller tells people itself (a hand-off).
 */
export type ApplyCommand = (
  command: AgendaCommand | InternalAgendaCommand,
  userId: string,
  options?: CommandOptions,
) => Promise<CommandOutcome>;

export interface CommandOptions {
  audit?: boolean;
  notify?: boolean;
}

/** An accepted command, as listeners (notifications) are told of it. */
export interface AcceptedCommand {
  before: Meeting;
  after: Meeting;
  command: AgendaCommand | InternalAgendaCommand;
  userId: string;
  createdId?: string;
}
export type CommandListener = (accepted: AcceptedCommand) => Promise<void>;

export interface NewMeetingItem {
  id?: string;
  title: string;
  caseNumber: string | null;
  officers: string[];
  closed: boolean;
  /** Bilag known by name only (an imported document's list of bilag): entries without a file. */
  attachmentNames?: string[];
  body: ItemBodyJson;
}

export interface NewMeetingSection {
  id?: string;
  title: string;
  items: NewMeetingItem[];
}

export class MeetingService {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly commandListeners: CommandListener[] = [];
  private readonly parsed = new ParsedMeetings();

  constructor(
    private readonly store: Store,
    private readonly sync: SyncServer,
    private readonly log: Log,
  ) {}

  /** Told after every accepted command is stored and projected (unless `notify: false`). */
  onCommand(listener: CommandListener): void {
    this.commandListeners.push(listener);
  }

  async createCommittee(name: string, id = newId()): Promise<CommitteeRow> {
    const committee = { id, name, template: null };
    await this.store.meetings.createCommittee(committee);
    return committee;
  }

  listCommittees(): Promise<{ id: string; name: string }[]> {
    return this.store.meetings
      .listCommittees()
      .then((rows) => rows.map(({ id, name }) => ({ id, name })));
  }

  async userName(userId: string): Promise<string | null> {
    return (await this.store.users.getUser(userId))?.name ?? null;
  }

  /** Names for user ids (unknown ids are left out). */
  async userNames(ids: Iterable<string | null>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of new Set(ids)) {
      if (!id) continue;
      const user = await this.store.users.getUser(id);
      if (user) names.set(id, user.name);
    }
    return names;
  }

  /** The meeting's audit entries, with the acting person's name. */
  async auditFor(meetingId: string) {
    const entries = await this.store.audit.listAudit({ meetingId });
    const names = await this.userNames(entries.map((e) => e.userId));
    return entries.map((e) => ({
      ...e,
      userName: e.userId ? (names.get(e.userId) ?? null) : null,
    }));
  }

  /** The committee's members who may be officers (see `committeeOfficers`). */
  officerCandidates(committeeId: string): Promise<OfficerCandidate[]> {
    return officerCandidates(this.store, committeeId);
  }

  async committee(id: string): Promise<CommitteeRow> {
    const committee = await this.store.meetings.getCommittee(id);
    if (!committee) throw new ApiError(404, "committee_not_found", "Udvalget findes ikke");
    return committee;
  }

  async template(committeeId: string): Promise<MeetingTemplate> {
    const committee = await this.committee(committeeId);
    return committee.template
      ? MeetingTemplateSchema.parse(JSON.parse(committee.template))
      : DEFAULT_MEETING_TEMPLATE;
  }

  async setTemplate(committeeId: string, template: MeetingTemplate, userId: string): Promise<void> {
    await this.committee(committeeId);
    await this.store.meetings.setTemplate(committeeId, JSON.stringify(template));
    await this.audit(userId, "template.update", null, null, { committeeId });
  }

  async listMeetings(committeeId: string): Promise<Meeting[]> {
    await this.committee(committeeId);
    const rows = await this.store.meetings.listMeetings(committeeId);
    return rows.map((row) => this.parsed.parse(row.id, row.data));
  }

  async meeting(id: string): Promise<Meeting> {
    const row = await this.store.meetings.getMeeting(id);
    if (!row) throw new ApiError(404, "meeting_not_found", "Mødet findes ikke");
    return this.parsed.parse(row.id, row.data);
  }

  /** A new meeting from the committee's template, with the previous meeting's date filled in. */
  async createFromTemplate(
    committeeId: string,
    details: MeetingDetails,
    userId: string,
  ): Promise<Meeting> {
    const committee = await this.committee(committeeId);
    const previous = (await this.store.meetings.listMeetings(committeeId)).find(
      (m) => m.date < details.date,
    );
    const filled = fillTemplate(await this.template(committeeId), {
      committeeName: committee.name,
      previousMeetingDate: previous?.date ?? null,
    });
    return this.createMeeting(
      committeeId,
      details,
      filled.sections.map((section) => ({
        title: section.title,
        items: section.items.map((item) => ({
          title: item.title,
          caseNumber: null,
          officers: [],
          closed: item.closed,
          body: itemBodyWith(item.indstilling),
        })),
      })),
      userId,
    );
  }

  /** Creates a meeting with the given sections and items (template, import, demo). */
  async createMeeting(
    committeeId: string,
    details: MeetingDetails,
    sections: NewMeetingSection[],
    userId: string | null,
    id = newId(),
    /** Initial state of the minutes document (imported Beslutninger); empty when omitted. */
    minutesState?: Uint8Array,
  ): Promise<Meeting> {
    await this.committee(committeeId);
    const meeting: Meeting = MeetingSchema.parse({
      ...details,
      id,
      committeeId,
      phase: "forberedelse",
      version: 0,
      agenda: {
        sections: sections.map((section) => ({
          id: section.id ?? newId(),
          title: section.title,
          deleted: false,
          items: section.items.map((item) => ({
            id: item.id ?? newId(),
            title: item.title,
            caseNumber: item.caseNumber,
            officers: item.officers,
            status: "kladde",
            closed: item.closed,
            attachments: (item.attachmentNames ?? []).map((filename) => ({
              id: newId(),
              filename: filename.slice(0, 255),
              missingFile: true,
            })),
            deleted: false,
          })),
        })),
      },
    });
    await this.store.meetings.createMeeting({
      id,
      committeeId,
      date: meeting.date,
      version: 0,
      data: JSON.stringify(meeting),
      createdAt: Date.now(),
    });
    for (const [s, section] of meeting.agenda.sections.entries()) {
      for (const [i, item] of section.items.entries()) {
        await createItemDocument(this.store, item.id, id, sections[s]!.items[i]!.body);
      }
    }
    if (minutesState) {
      await this.store.docs.createDoc(formatDocName("minutes", id), minutesState);
    } else {
      const minutes = new Y.Doc();
      await this.store.docs.createDoc(formatDocName("minutes", id), Y.encodeStateAsUpdate(minutes));
      minutes.destroy();
    }
    const projection = new Y.Doc();
    projection
      .getMap(MEETING_DOC_ROOT)
      .set(MEETING_DOC_STATE_KEY, withoutClosedAttachments(meeting));
    await this.store.docs.createDoc(
      formatDocName("meeting", id),
      Y.encodeStateAsUpdate(projection),
    );
    projection.destroy();
    await this.audit(userId, "meeting.create", id, null, {
      title: meeting.title,
      date: meeting.date,
    });
    return meeting;
  }

  /** Validates and applies one command; resolves once it is stored and projected. */
  runCommand(
    meetingId: string,
    command: AgendaCommand | InternalAgendaCommand,
    userId: string,
  ): Promise<CommandOutcome> {
    return this.withLock(meetingId, () => this.applyCommand(meetingId, command, userId));
  }

  /**
   * Runs `work` while no other command can change the meeting: it sees the meeting as it is and
   * applies its commands through `apply`. For steps that must not interleave with anything
   * else — approving the minutes (change the phase, demote every editor, freeze the record)
   * and writes that check the record is open before they touch a document.
   */
  exclusive<T>(
    meetingId: string,
    work: (meeting: Meeting, apply: ApplyCommand) => Promise<T>,
  ): Promise<T> {
    return this.withLock(meetingId, async () =>
      work(await this.meeting(meetingId), (command, userId, options) =>
        this.applyCommand(meetingId, command, userId, options),
      ),
    );
  }

  private async applyCommand(
    meetingId: string,
    command: AgendaCommand | InternalAgendaCommand,
    userId: string,
    options: CommandOptions = {},
  ): Promise<CommandOutcome> {
    const current = await this.meeting(meetingId);
    if (isRecordFrozen(current.phase) && !RECORD_NEUTRAL_COMMANDS.includes(command.type)) {
      throw recordFrozenError();
    }
    command = await this.withMemberOfficers(current, command);
    let result;
    try {
      result = applyAgendaCommand(current.agenda, command, { newId });
    } catch (error) {
      if (error instanceof AgendaError) {
        throw new ApiError(
          error.code.endsWith("_not_found") ? 404 : 409,
          error.code,
          error.message,
        );
      }
      throw error;
    }
    const next = MeetingSchema.parse({
      ...current,
      ...result.details,
      agenda: result.agenda,
      version: current.version + 1,
    });
    if (command.type === "createItem")
      await createItemDocument(this.store, result.createdId!, meetingId);
    const saved = await this.store.meetings.saveMeeting(
      {
        id: meetingId,
        committeeId: next.committeeId,
        date: next.date,
        version: next.version,
        data: JSON.stringify(next),
        createdAt: 0,
      },
      current.version,
    );
    if (!saved)
      throw new ApiError(409, "meeting_conflict", "Mødet blev ændret samtidig; prøv igen");
    if (options.audit !== false) {
      await this.audit(
        userId,
        `agenda.${command.type}`,
        meetingId,
        itemIdOf(command) ?? (command.type === "createItem" ? result.createdId! : null),
        commandDetails(command),
      );
    }
    await this.project(next);
    await this.refreshItemAccess(command, next);
    if (options.notify !== false) {
      for (const listener of this.commandListeners) {
        // Telling people must never undo or fail a stored command.
        await listener({
          before: current,
          after: next,
          command,
          userId,
          createdId: result.createdId,
        }).catch((error: unknown) =>
          this.log("command listener failed", {
            meeting: meetingId,
            error: (error as Error).message,
          }),
        );
      }
    }
    return { meeting: next, createdId: result.createdId };
  }

  /**
   * The command with its officers checked against the committee's members and stored as the
   * accounts' initials (see `committeeOfficers`); other commands as they are.
   */
  private async withMemberOfficers<C extends AgendaCommand | InternalAgendaCommand>(
    meeting: Meeting,
    command: C,
  ): Promise<C> {
    if ((command.type !== "createItem" && command.type !== "updateItem") || !command.officers)
      return command;
    let existing: string[] = [];
    if (command.type === "updateItem") {
      const item = meeting.agenda.sections
        .flatMap((section) => section.items)
        .find((candidate) => candidate.id === command.itemId);
      // An unknown item is refused as such by the command itself.
      if (!item) return command;
      existing = item.officers;
    }
    const candidates = await officerCandidates(this.store, meeting.committeeId);
    return { ...command, officers: resolveOfficers(command.officers, existing, candidates) };
  }

  /**
   * Projects again every meeting whose live document may still carry a closed item's bilag
   * (written before projections left them out). Run once at start.
   */
  async reprojectClosedAttachments(): Promise<number> {
    let count = 0;
    for (const committee of await this.listCommittees()) {
      for (const meeting of await this.listMeetings(committee.id)) {
        const closedWithBilag = meeting.agenda.sections.some((section) =>
          section.items.some((item) => item.closed && item.attachments.length > 0),
        );
        if (!closedWithBilag) continue;
        const doc = await this.sync.registry.get(formatDocName("meeting", meeting.id));
        if (!doc) continue;
        try {
          const shown = doc.doc.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY) as
            Meeting | undefined;
          const leaks = shown?.agenda.sections.some((section) =>
            section.items.some((item) => item.closed && item.attachments.length > 0),
          );
          if (!leaks) continue;
          const shared = withoutClosedAttachments(meeting);
          await doc.change((ydoc) =>
            ydoc.getMap(MEETING_DOC_ROOT).set(MEETING_DOC_STATE_KEY, shared),
          );
          count += 1;
        } finally {
          this.sync.registry.release(doc);
        }
      }
    }
    return count;
  }

  /** The meeting an item belongs to, with the item's header and number. */
  async itemContext(itemId: string): Promise<ItemContext> {
    const meetingId = await this.store.meetings.itemMeeting(itemId);
    if (!meetingId) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    const meeting = await this.meeting(meetingId);
    for (const section of meeting.agenda.sections) {
      const item = section.items.find((i) => i.id === itemId);
      if (item)
        return {
          meeting,
          item,
          sectionId: section.id,
          number: numberAgenda(meeting.agenda).get(itemId) ?? null,
        };
    }
    throw new ApiError(404, "item_not_found", "Punktet findes ikke");
  }

  async audit(
    userId: string | null,
    action: string,
    meetingId: string | null,
    itemId: string | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.store.audit.appendAudit({
      at: Date.now(),
      userId,
      action,
      meetingId,
      itemId,
      details,
    });
  }

  /**
   * Commands that change who may do what with items (officers, closed flag, deletion) re-decide
   * the open connections to those items at once.
   */
  private async refreshItemAccess(
    command: AgendaCommand | InternalAgendaCommand,
    meeting: Meeting,
  ): Promise<void> {
    let itemIds: string[] = [];
    if (
      command.type === "updateItem" ||
      command.type === "deleteItem" ||
      command.type === "restoreItem"
    ) {
      itemIds = [command.itemId];
    } else if (command.type === "deleteSection" || command.type === "restoreSection") {
      itemIds =
        meeting.agenda.sections.find((s) => s.id === command.sectionId)?.items.map((i) => i.id) ??
        [];
    }
    for (const itemId of itemIds) {
      await this.sync.refreshAccess(formatDocName("item", itemId));
      await this.sync.refreshAccess(formatDocName("comments", itemId));
    }
    // The date decides whether minutes can be taken yet (the meeting day); closing an item
    // decides whether readers may read them.
    if (command.type === "updateMeeting" || command.type === "updateItem") {
      await this.sync.refreshAccess(formatDocName("minutes", meeting.id));
    }
  }

  private async project(meeting: Meeting): Promise<void> {
    const doc = await this.sync.registry.get(formatDocName("meeting", meeting.id));
    if (!doc) {
      this.log("meeting document missing; recreating", { meeting: meeting.id });
      return;
    }
    try {
      // Shared by every reader of the meeting: never with a closed item's bilag.
      const shared = withoutClosedAttachments(meeting);
      await doc.change((ydoc) => ydoc.getMap(MEETING_DOC_ROOT).set(MEETING_DOC_STATE_KEY, shared));
    } finally {
      this.sync.registry.release(doc);
    }
  }

  /**
   * Commands on one meeting run one at a time: in this process (so one instance holds at most
   * one store lock per meeting), and across the instances of a cluster by the store's lock, so
   * each projection into `meeting:<id>` is written after the previous one and causally follows
   * it — two instances cannot leave the document on an older state of the meeting.
   */
  private withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = () => this.store.locks.withLock(`meeting:${key}`, work);
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return next;
  }
}

function itemIdOf(command: AgendaCommand | InternalAgendaCommand): string | null {
  return "itemId" in command ? command.itemId : null;
}

function commandDetails(command: AgendaCommand | InternalAgendaCommand): Record<string, unknown> {
  const { type: _type, ...rest } = command;
  return rest;
}
