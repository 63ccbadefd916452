/**
 * The audit log as an auditor reads it: a committee's entries (its meetings' and its members'
 * logins), filtered, newest first, each rendered into the same Danish columns the page and the
 * CSV show — Danish local time, names for people, "2.3. Title" for items (a deleted item keeps
 * its last title), details through the shared renderer. Internal ids stay on the server.
 */
import type { AuditCategory, AuditListing, AuditNames, AuditRow } from "../../shared/audit";
import {
  AUDIT_CATEGORIES,
  auditActionLabel,
  auditCategory,
  auditDay,
  formatAuditTime,
  renderAuditDetails,
} from "../../shared/audit";
import type { Meeting } from "../../shared/model";
import { formatDanishDate, numberAgenda } from "../../shared/model";
import type { MeetingService } from "../meetings/MeetingService";
import type { AuditEntry, Store } from "../store";

export interface AuditFilter {
  category?: AuditCategory;
  userId?: string;
  meetingId?: string;
  itemId?: string;
  /** Danish calendar days, "YYYY-MM-DD", both included. */
  from?: string;
  to?: string;
}

/** Entries a workflow step writes before its own (the agenda's status or phase change). */
const REPEATS: Record<string, RegExp> = {
  "agenda.setItemStatus": /^item\.(sendToReview|signOff|sendBack|approve|reopen)$/,
  "agenda.setPhase": /^meeting\.(sendAgenda|holdMeeting|approveMinutes|reopenMinutes)$/,
};
const REPEAT_WINDOW = 5;

export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
  ) {}

  async forCommittee(committeeId: string, filter: AuditFilter = {}): Promise<AuditListing> {
    const meetings = await this.meetings.listMeetings(committeeId);
    const meetingIds = new Set(meetings.map((meeting) => meeting.id));
    const members = new Set(
      (await this.store.users.members(committeeId)).map((member) => member.userId),
    );
    const all = await this.store.audit.listAudit({});
    const entries = withoutRepeatedSteps(
      all.filter((entry) => belongsTo(entry, committeeId, meetingIds, members)),
    );
    const names = await this.names(entries, meetings);
    const rows = entries
      .filter((entry) => matches(entry, filter))
      .sort((a, b) => b.seq - a.seq)
      .map((entry) => this.row(entry, names));
    const people = new Map<string, string>();
    for (const entry of entries) {
      if (entry.userId) people.set(entry.userId, names.person(entry.userId) ?? "Ukendt person");
    }
    // The items to narrow to: those of the chosen meeting (or of all) that have entries.
    const itemIds = new Set(
      entries
        .filter((entry) => !filter.meetingId || entry.meetingId === filter.meetingId)
        .flatMap((entry) => (entry.itemId ? [entry.itemId] : [])),
    );
    return {
      rows,
      items: [...itemIds].flatMap((id) => {
        const label = names.item(id);
        return label ? [{ id, label }] : [];
      }),
      people: [...people].map(([id, name]) => ({ id, name })).sort(byName),
      meetings: meetings
        .filter((meeting) => entries.some((entry) => entry.meetingId === meeting.id))
        .map((meeting) => ({ id: meeting.id, label: meetingLabel(meeting) })),
      categories: (Object.keys(AUDIT_CATEGORIES) as AuditCategory[]).map((id) => ({
        id,
        label: AUDIT_CATEGORIES[id],
      })),
    };
  }

  private row(entry: AuditEntry, names: Names): AuditRow {
    return {
      seq: entry.seq,
      at: entry.at,
      time: formatAuditTime(entry.at),
      person: personOf(entry, names),
      actionLabel: auditActionLabel(entry.action),
      category: auditCategory(entry.action),
      meeting: entry.meetingId ? (names.meeting(entry.meetingId) ?? "") : "",
      item: entry.itemId ? (names.item(entry.itemId) ?? "") : "",
      details: renderAuditDetails(entry.action, entry.details, names),
      action: entry.action,
      meetingId: entry.meetingId,
      itemId: entry.itemId,
    };
  }

  /** Everything the entries' ids name, looked up once. */
  private async names(entries: readonly AuditEntry[], meetings: readonly Meeting[]) {
    const items = new Map<string, string>();
    const sections = new Map<string, string>();
    const attachments = new Map<string, string>();
    for (const meeting of meetings) {
      const numbers = numberAgenda(meeting.agenda);
      for (const section of meeting.agenda.sections) {
        sections.set(section.id, numbered(numbers.get(section.id), section.title, section.deleted));
        for (const item of section.items) {
          const gone = item.deleted || section.deleted;
          items.set(item.id, numbered(numbers.get(item.id), item.title, gone));
          for (const attachment of item.attachments) {
            attachments.set(attachment.id, attachment.filename);
          }
        }
      }
    }
    const ids = collectIds(entries);
    const people = new Map<string, string>();
    for (const id of ids.people) {
      const user = await this.store.users.getUser(id);
      if (user) people.set(id, user.name);
    }
    for (const id of ids.attachments) {
      if (attachments.has(id)) continue;
      const row = await this.store.attachments.getAttachment(id);
      if (row) attachments.set(id, row.filename);
    }
    const versions = new Map<string, string>();
    for (const id of ids.versions) {
      const version = await this.store.versions.getVersion(id);
      if (version) versions.set(id, `«${version.name}», ${formatAuditTime(version.createdAt)}`);
    }
    const meetingLabels = new Map(meetings.map((meeting) => [meeting.id, meetingLabel(meeting)]));
    const lookup = (map: Map<string, string>) => (id: string) => map.get(id) ?? null;
    return {
      person: lookup(people),
      item: lookup(items),
      section: lookup(sections),
      attachment: lookup(attachments),
      version: lookup(versions),
      meeting: lookup(meetingLabels),
    } satisfies Names;
  }
}

interface Names extends AuditNames {
  meeting(meetingId: string): string | null;
}

function numbered(number: string | undefined, title: string, deleted: boolean): string {
  if (deleted || number === undefined) return `${title} (slettet)`;
  return `${number}. ${title}`;
}

function meetingLabel(meeting: Meeting): string {
  return `${meeting.title}, ${formatDanishDate(meeting.date)}`;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, "da");
}

/** Who did it: a name, an unknown account's e-mail for a refused login, or the system. */
function personOf(entry: AuditEntry, names: Names): string {
  if (entry.userId) return names.person(entry.userId) ?? "Ukendt person";
  const email = entry.details["email"];
  if (entry.action.startsWith("auth.") && typeof email === "string") {
    return `Ukendt konto (${email})`;
  }
  return "Systemet";
}

/** The ids of people, bilag and versions that details may name. */
function collectIds(entries: readonly AuditEntry[]) {
  const people = new Set<string>();
  const attachments = new Set<string>();
  const versions = new Set<string>();
  for (const entry of entries) {
    if (entry.userId) people.add(entry.userId);
    for (const [key, value] of Object.entries(entry.details)) {
      if (typeof value !== "string") continue;
      if (key === "userId" || key.endsWith("UserId")) people.add(value);
      else if (key === "attachmentId" || key.endsWith("AttachmentId")) attachments.add(value);
      else if (/[vV]ersionId$/.test(key)) versions.add(value);
    }
  }
  return { people, attachments, versions };
}

/**
 * An entry belongs to a committee's log when it concerns one of its meetings, or — without a
 * meeting — names the committee, or is a member's login. Entries that name no committee at all
 * (a refused login to an unknown account, a template change recorded before templates named
 * theirs) are shown to every committee's auditors: they cannot be placed, and must not vanish.
 */
function belongsTo(
  entry: AuditEntry,
  committeeId: string,
  meetingIds: ReadonlySet<string>,
  members: ReadonlySet<string>,
): boolean {
  if (entry.meetingId) return meetingIds.has(entry.meetingId);
  const named = entry.details["committeeId"];
  if (typeof named === "string") return named === committeeId;
  const subject = entry.details["userId"];
  if (entry.action.startsWith("user.") && typeof subject === "string") return members.has(subject);
  if (entry.action.startsWith("auth.") && entry.userId) return members.has(entry.userId);
  return true;
}

function matches(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.category && auditCategory(entry.action) !== filter.category) return false;
  if (filter.userId && entry.userId !== filter.userId) return false;
  if (filter.meetingId && entry.meetingId !== filter.meetingId) return false;
  if (filter.itemId && entry.itemId !== filter.itemId) return false;
  const day = auditDay(entry.at);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

/**
 * A workflow step is stored twice: the agenda's status (or phase) change, then the step with
 * its reason and version. The first of the pair is a repetition and is left out.
 */
export function withoutRepeatedSteps(entries: readonly AuditEntry[]): AuditEntry[] {
  return entries.filter((entry, index) => {
    const repeatedBy = REPEATS[entry.action];
    if (!repeatedBy) return true;
    return !entries
      .slice(index + 1, index + 1 + REPEAT_WINDOW)
      .some(
        (later) =>
          repeatedBy.test(later.action) &&
          later.userId === entry.userId &&
          later.meetingId === entry.meetingId &&
          (entry.action !== "agenda.setItemStatus" || later.itemId === entry.itemId),
      );
  });
}
