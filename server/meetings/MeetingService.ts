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
} from "../../shared/model";
import { ApiError } from "../http/ApiError";
import type { ItemBodyJson } from "../items/createItem";
import { createItemDocument, itemBodyWith } from "../items/createItem";
import type { Log } from "../logger";
import type { CommitteeRow, Store } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import { newId } from "./newId";

export interface ItemContext {
  meeting: Meeting;
  item: Meeting["agenda"]["sections"][number]["items"][number];
  sectionId: string;
  number: string | null;
}

export interface NewMeetingItem {
  id?: string;
  title: string;
  caseNumber: string | null;
  officers: string[];
  closed: boolean;
  body: ItemBodyJson;
}

export interface NewMeetingSection {
  id?: string;
  title: string;
  items: NewMeetingItem[];
}

export class MeetingService {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly sync: SyncServer,
    private readonly log: Log,
  ) {}

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
    await this.audit(userId, "template.update", null, null, {});
  }

  async listMeetings(committeeId: string): Promise<Meeting[]> {
    await this.committee(committeeId);
    const rows = await this.store.meetings.listMeetings(committeeId);
    return rows.map((row) => MeetingSchema.parse(JSON.parse(row.data)));
  }

  async meeting(id: string): Promise<Meeting> {
    const row = await this.store.meetings.getMeeting(id);
    if (!row) throw new ApiError(404, "meeting_not_found", "Mødet findes ikke");
    return MeetingSchema.parse(JSON.parse(row.data));
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
            attachments: [],
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
    projection.getMap(MEETING_DOC_ROOT).set(MEETING_DOC_STATE_KEY, meeting);
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
  ): Promise<{ meeting: Meeting; createdId?: string }> {
    return this.withLock(meetingId, async () => {
      const current = await this.meeting(meetingId);
      if (command.type === "setAttendance" && current.phase === "referat_godkendt") {
        throw new ApiError(
          409,
          "minutes_locked",
          "Referatet er godkendt; genåbn det for at rette fremmødet",
        );
      }
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
      await this.audit(
        userId,
        `agenda.${command.type}`,
        meetingId,
        itemIdOf(command) ?? (command.type === "createItem" ? result.createdId! : null),
        commandDetails(command),
      );
      await this.project(next);
      await this.refreshItemAccess(command, next);
      return { meeting: next, createdId: result.createdId };
    });
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
  }

  private async project(meeting: Meeting): Promise<void> {
    const doc = await this.sync.registry.get(formatDocName("meeting", meeting.id));
    if (!doc) {
      this.log("meeting document missing; recreating", { meeting: meeting.id });
      return;
    }
    try {
      await doc.change((ydoc) => ydoc.getMap(MEETING_DOC_ROOT).set(MEETING_DOC_STATE_KEY, meeting));
    } finally {
      this.sync.registry.release(doc);
    }
  }

  private withLock<T>(key: string, run: () => Promise<T>): Promise<T> {
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
