/**
 * The personal-data check as the secretariat works through it: every finding in what a
 * publication would show, each unreadable bilag, and what has been accepted. Acceptances are
 * stored when they are made (who, when, which finding, the text it was found in) and audited at
 * once, so the next person — another session, another secretary, after a restart — sees them.
 * A bilag marked not public is not published, so nothing in it needs accepting.
 */
import { hasFile } from "../../shared/model";
import type { AgendaItem } from "../../shared/model";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import type { LocatedFinding } from "../publication";
import { checkMeetingForPersonalData, uncheckedAttachments } from "../publication";
import type { RecordSource } from "../record";
import type { FindingAcceptanceRow, Store, User } from "../store";
import type { AttachmentTexts } from "./AttachmentTexts";
import { findingKey, unreadableKey } from "./findingKey";

export interface AcceptanceView {
  by: string;
  byName: string | null;
  at: number;
  /** The text the finding was in when it was accepted. */
  context: string;
}

export type CheckedFinding = Omit<LocatedFinding, "index" | "published"> & {
  key: string;
  acceptance: AcceptanceView | null;
};

/** A published bilag the check could not read: a person must look at it and say so. */
export interface UnreadableBilag {
  key: string;
  itemId: string;
  itemNumber: string;
  attachmentId: string;
  filename: string;
  contentType: string;
  acceptance: AcceptanceView | null;
}

/** A bilag of an open item that the public version leaves out (`notPublic`). */
export interface WithheldBilag {
  itemId: string;
  itemNumber: string;
  attachmentId: string;
  filename: string;
}

export interface PersonalDataReport {
  findings: CheckedFinding[];
  unchecked: UnreadableBilag[];
  withheld: WithheldBilag[];
}

export class PersonalDataReview {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    private readonly texts: AttachmentTexts,
  ) {}

  /** Findings and unreadable bilag of what the public version of `source` shows. */
  async report(source: RecordSource): Promise<PersonalDataReport> {
    const { document } = source;
    const items = liveItems(source);
    // Bilag known by name only have no text and are never published: the check sees their
    // names (not published either) and nothing else.
    const withFiles = items.map((item) => ({
      item,
      attachments: item.attachments.filter(hasFile),
    }));
    const texts: Record<string, string> = {};
    for (const { attachments } of withFiles) {
      for (const attachment of attachments) {
        if (!attachment.notPublic) texts[attachment.id] = await this.texts.textOf(attachment);
      }
    }
    const bilag = new Map(withFiles.flatMap((entry) => entry.attachments.map((a) => [a.id, a])));
    const accepted = new Map(
      (await this.store.publications.listAcceptances(document.meeting.id)).map((row) => [
        row.key,
        row,
      ]),
    );
    const names = await this.meetings.userNames([...accepted.values()].map((a) => a.acceptedBy));
    const view = (key: string): AcceptanceView | null => {
      const row = accepted.get(key);
      return row
        ? {
            by: row.acceptedBy,
            byName: names.get(row.acceptedBy) ?? null,
            at: row.acceptedAt,
            context: row.context,
          }
        : null;
    };
    const findings = checkMeetingForPersonalData(document, source.beslutninger, texts)
      .filter((finding) => finding.published && !bilag.get(finding.attachmentId ?? "")?.notPublic)
      .map(({ index: _index, published: _published, ...finding }) => {
        const key = findingKey(
          { ...finding, index: 0, published: true },
          finding.attachmentId ? (bilag.get(finding.attachmentId)?.sha256 ?? null) : null,
        );
        return { ...finding, key, acceptance: view(key) };
      });
    const unchecked = uncheckedAttachments(document, texts)
      .filter((entry) => !bilag.get(entry.attachmentId)?.notPublic)
      .map((entry) => {
        const attachment = bilag.get(entry.attachmentId)!;
        const key = unreadableKey(entry.itemId, entry.attachmentId, attachment.sha256);
        return { ...entry, key, contentType: attachment.contentType, acceptance: view(key) };
      });
    const withheld = withFiles.flatMap(({ item, attachments }) =>
      item.closed
        ? []
        : attachments
            .filter((attachment) => attachment.notPublic)
            .map((attachment) => ({
              itemId: item.id,
              itemNumber: document.numbers[item.id] ?? "",
              attachmentId: attachment.id,
              filename: attachment.filename,
            })),
    );
    return { findings, unchecked, withheld };
  }

  /** Accepts the finding or unreadable bilag with this key, as it is in `source` now. */
  async accept(user: User, source: RecordSource, key: string): Promise<AcceptanceView> {
    const report = await this.report(source);
    const meetingId = source.document.meeting.id;
    const finding = report.findings.find((f) => f.key === key);
    const unreadable = report.unchecked.find((u) => u.key === key);
    if (!finding && !unreadable) {
      throw new ApiError(
        409,
        "finding_not_found",
        "Fundet findes ikke længere i teksten. Kør tjekket igen.",
      );
    }
    const row: FindingAcceptanceRow = finding
      ? {
          meetingId,
          key,
          kind: finding.kind,
          match: finding.match,
          context: finding.context,
          itemId: finding.itemId,
          field: finding.field,
          attachmentId: finding.attachmentId ?? null,
          attachmentName: finding.attachmentName ?? null,
          acceptedBy: user.id,
          acceptedAt: Date.now(),
        }
      : {
          meetingId,
          key,
          kind: "unreadable",
          match: "",
          context: "",
          itemId: unreadable!.itemId,
          field: "bilag",
          attachmentId: unreadable!.attachmentId,
          attachmentName: unreadable!.filename,
          acceptedBy: user.id,
          acceptedAt: Date.now(),
        };
    await this.store.publications.saveAcceptance(row);
    await this.meetings.audit(
      user.id,
      finding ? "publication.accept_finding" : "publication.acknowledge_unreadable",
      meetingId,
      row.itemId,
      auditDetails(row, source),
    );
    return { by: user.id, byName: user.name, at: row.acceptedAt, context: row.context };
  }

  async revoke(user: User, source: RecordSource, key: string): Promise<void> {
    const meetingId = source.document.meeting.id;
    const row = (await this.store.publications.listAcceptances(meetingId)).find(
      (a) => a.key === key,
    );
    if (!row || !(await this.store.publications.removeAcceptance(meetingId, key))) {
      throw new ApiError(404, "acceptance_not_found", "Godkendelsen findes ikke");
    }
    await this.meetings.audit(
      user.id,
      row.kind === "unreadable" ? "publication.revoke_unreadable" : "publication.revoke_finding",
      meetingId,
      row.itemId,
      auditDetails(row, source),
    );
  }

  /** The open items of a report: what still stands between the texts and publishing. */
  static open(report: PersonalDataReport): Pick<PersonalDataReport, "findings" | "unchecked"> {
    return {
      findings: report.findings.filter((f) => f.acceptance === null),
      unchecked: report.unchecked.filter((u) => u.acceptance === null),
    };
  }
}

/** What an auditor reads: the finding's kind, the matched text, and where it was. */
function auditDetails(row: FindingAcceptanceRow, source: RecordSource): Record<string, unknown> {
  const item = liveItems(source).find((i) => i.id === row.itemId);
  return {
    key: row.key,
    kind: row.kind,
    ...(row.match ? { match: row.match } : {}),
    ...(row.context ? { context: row.context } : {}),
    field: row.field,
    itemNumber: source.document.numbers[row.itemId] ?? null,
    itemTitle: item?.title ?? null,
    ...(row.attachmentName ? { attachmentName: row.attachmentName } : {}),
  };
}

function liveItems(source: RecordSource): AgendaItem[] {
  return source.document.meeting.agenda.sections
    .filter((section) => !section.deleted)
    .flatMap((section) => section.items)
    .filter((item) => !item.deleted);
}
