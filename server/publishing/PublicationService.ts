/**
 * Exports and publication. Exports are rendered from the live record on request, stating the
 * record's hash; an approved (frozen) record renders to the same bytes every time.
 *
 * Publishing is "published = approved": under the meeting's lock, the public version is made
 * from fixed document versions — for minutes the versions the chair's approval recorded, whose
 * hash must be the approval's; for an agenda the item bodies as they are at that moment — after
 * the personal-data check of exactly that text (every finding accepted, every unreadable bilag
 * looked at) and, when items are not Godkendt, the person's confirmation naming them. Its HTML,
 * PDF and DOCX are generated once and stored with the record hash and the versions; they are
 * served as stored. A new publication of the same meeting and kind replaces the current one,
 * which stays readable at its own address, marked replaced.
 */
import type { Meeting } from "../../shared/model";
import { numberAgenda } from "../../shared/model";
import { isRecordFrozen } from "../../shared/permissions";
import type { AttachmentService } from "../attachments/AttachmentService";
import type { ExportKind, ExportVariant } from "../exports/ExportInput";
import type { ExportFormat } from "../exports/ExportJob";
import { exportInWorker } from "../exports/exportInWorker";
import { beslutningerIn } from "../exports/readBeslutninger";
import { ApiError } from "../http/ApiError";
import type { Log } from "../logger";
import type { MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import { publicContentOf } from "../publicSite/PublicDocument";
import type { MeetingDocument } from "../meetings/readMeetingDocument";
import type { RecordSource } from "../record";
import { exportInput, meetingRecord, readRecordSource, recordHash } from "../record";
import type {
  PublicationRow,
  PublicationSources,
  PublicationSummary,
  Store,
  User,
  VersionRow,
} from "../store";
import type { SyncServer } from "../sync/SyncServer";
import type { WorkerPool } from "../workers/WorkerPool";
import { VersionService } from "../versions/VersionService";
import { requireUnapprovedConfirmed, unapprovedForAudit } from "../workflow/confirmUnapproved";
import { AttachmentTexts } from "./AttachmentTexts";
import { PersonalDataReview } from "./PersonalDataReview";

export type { ExportFormat };

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
};

const KIND_TITLES: Record<ExportKind, string> = { dagsorden: "Dagsorden", referat: "Referat" };

/** A publication as the API lists it. */
export type PublicationView = PublicationSummary & {
  url: string;
  committeeUrl: string;
};

export class PublicationService {
  readonly review: PersonalDataReview;

  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    attachments: AttachmentService,
    private readonly sync: SyncServer,
    private readonly versions: VersionService,
    /** Renders every export and publication, off the event loop. */
    private readonly workers: WorkerPool,
    private readonly log: Log,
  ) {
    this.review = new PersonalDataReview(
      store,
      meetings,
      new AttachmentTexts(attachments, workers, log),
    );
  }

  /** The live record of a meeting and its hash, as `GET /api/meetings/:id/record` answers. */
  async currentRecord(meetingId: string, kind: ExportKind) {
    const source = await readRecordSource(this.meetings, this.sync, meetingId);
    const { meeting } = source.document;
    return {
      meetingId,
      kind,
      recordHash: recordHash(meetingRecord(source, kind)),
      frozen: isRecordFrozen(meeting.phase),
      approval: meeting.approval
        ? {
            at: meeting.approval.at,
            byName: meeting.approval.byName,
            recordHash: meeting.approval.recordHash,
          }
        : null,
    };
  }

  async render(
    meetingId: string,
    kind: ExportKind,
    variant: ExportVariant,
    format: ExportFormat,
  ): Promise<Buffer> {
    // The worker states the record (hashes it) too: the event loop only reads the documents.
    const source = await readRecordSource(this.meetings, this.sync, meetingId);
    return exportInWorker(this.workers, {
      document: "meeting",
      format,
      record: { source, kind, variant, now: Date.now() },
    });
  }

  async decisionExtract(meetingId: string, itemId: string): Promise<Buffer> {
    const source = await readRecordSource(this.meetings, this.sync, meetingId);
    return exportInWorker(this.workers, {
      document: "decisionExtract",
      itemId,
      record: { source, kind: "referat", variant: "internal", now: Date.now() },
    });
  }

  /** The personal-data check of the live texts, with what has been accepted. */
  async check(meetingId: string, kind: ExportKind) {
    const source = await this.liveSource(meetingId, kind);
    return this.review.report(source);
  }

  async accept(user: User, meetingId: string, kind: ExportKind, key: string) {
    return this.review.accept(user, await this.liveSource(meetingId, kind), key);
  }

  async revoke(user: User, meetingId: string, key: string) {
    return this.review.revoke(user, await this.liveSource(meetingId, "referat"), key);
  }

  /** Every publication of a meeting, newest first, with its public addresses. */
  async ofMeeting(meetingId: string): Promise<PublicationView[]> {
    return (await this.store.publications.listMeetingPublications(meetingId)).map(publicationView);
  }

  /** Published minutes whose approval is withdrawn get the reopening's date and reason. */
  async minutesReopened(meetingId: string, at: number, reason: string): Promise<void> {
    const current = (await this.store.publications.listMeetingPublications(meetingId)).find(
      (p) => p.kind === "referat" && p.replacedBy === null,
    );
    if (current) await this.store.publications.markReopened(current.id, at, reason);
  }

  async publish(
    user: User,
    meetingId: string,
    kind: ExportKind,
    confirmUnapprovedItems: readonly string[] = [],
  ) {
    return this.meetings.exclusive(meetingId, async (meeting) => {
      requireReady(meeting, kind);
      const unapproved = requireUnapprovedConfirmed(
        meeting.agenda,
        confirmUnapprovedItems,
        `${kind === "dagsorden" ? "dagsordenen" : "referatet"} skal offentliggøres`,
      );
      const snapshot = await this.snapshot(user, meeting, kind);
      const hash = recordHash(meetingRecord(snapshot.source, kind));
      if (kind === "referat" && hash !== meeting.approval!.recordHash) {
        this.log("approved minutes do not match their approval", { meeting: meetingId, hash });
        throw new ApiError(
          409,
          "record_mismatch",
          "Referatet svarer ikke til det godkendte. Genåbn og godkend det igen.",
        );
      }
      const report = await this.review.report(snapshot.source);
      const open = PersonalDataReview.open(report);
      if (open.findings.length > 0 || open.unchecked.length > 0) {
        throw new ApiError(
          409,
          "personal_data_found",
          "Tjek for personoplysninger: ret eller godkend hvert fund, og se ulæselige bilag igennem",
          open,
        );
      }
      const publishedAt = Date.now();
      const input = exportInput(snapshot.source, kind, "public", publishedAt);
      const id = newId();
      const render = (format: ExportFormat) =>
        exportInWorker(this.workers, { document: "meeting", format, input });
      const [html, pdf, docx] = await Promise.all([
        render("html").then((bytes) => bytes.toString("utf8")),
        render("pdf"),
        render("docx"),
      ]);
      for (const version of snapshot.pending) await this.versions.save(version);
      const current = (await this.store.publications.listMeetingPublications(meetingId)).find(
        (p) => p.kind === kind && p.replacedBy === null,
      );
      const title = `${KIND_TITLES[kind]}: ${meeting.title}`;
      const publication: PublicationRow = {
        id,
        meetingId,
        committeeId: meeting.committeeId,
        kind,
        title,
        meetingDate: meeting.date,
        publishedAt,
        publishedBy: user.id,
        recordHash: hash,
        sources: snapshot.sources,
        replacedBy: null,
        replacedAt: null,
        reopenedAt: null,
        reopenReason: null,
        html,
        pdf,
        docx,
      };
      await this.store.publications.savePublication(
        publication,
        current?.id ?? null,
        publicContentOf(input),
      );
      await this.meetings.audit(user.id, "meeting.publish", meetingId, null, {
        publicationId: id,
        kind,
        title,
        recordHash: hash,
        ...(current ? { replacesPublicationId: current.id } : {}),
        ...(unapproved.length > 0 ? { unapprovedItems: unapprovedForAudit(unapproved) } : {}),
        acceptedFindings: report.findings.length,
        ...(report.unchecked.length > 0
          ? { unreadableAttachments: report.unchecked.map((u) => u.filename) }
          : {}),
        ...(report.withheld.length > 0
          ? { withheldAttachments: report.withheld.map((w) => w.filename) }
          : {}),
      });
      return publicationView(publication);
    });
  }

  /**
   * The fixed versions a publication is made from. Minutes: the versions the approval recorded
   * (nothing could change since). An agenda: each live item body as it is now, captured and
   * stored only if the publication is made.
   */
  private async snapshot(
    user: User,
    meeting: Meeting,
    kind: ExportKind,
  ): Promise<{ source: RecordSource; sources: PublicationSources; pending: VersionRow[] }> {
    const committee = await this.meetings.committee(meeting.committeeId);
    const bodies: Record<string, unknown> = {};
    const items: Record<string, string> = {};
    const pending: VersionRow[] = [];
    let beslutninger: RecordSource["beslutninger"] = {};
    let minutes: string | null = null;
    const liveItems = meeting.agenda.sections
      .filter((section) => !section.deleted)
      .flatMap((section) => section.items.filter((item) => !item.deleted));
    if (kind === "referat") {
      const approval = meeting.approval!;
      for (const item of liveItems) {
        const versionId = approval.itemVersionIds[item.id];
        if (!versionId) {
          throw new ApiError(409, "record_mismatch", "Et punkt mangler i godkendelsen");
        }
        const { doc } = await this.versions.stateOf(versionId);
        bodies[item.id] = VersionService.bodyOf(doc);
        doc.destroy();
        items[item.id] = versionId;
      }
      const { doc } = await this.versions.stateOf(approval.minutesVersionId);
      beslutninger = beslutningerIn(doc, meeting);
      doc.destroy();
      minutes = approval.minutesVersionId;
    } else {
      for (const item of liveItems) {
        const version = await this.versions.capture(
          item.id,
          `Dagsorden offentliggjort (${user.name})`,
          "auto",
          user.id,
        );
        const doc = VersionService.docOf(version);
        bodies[item.id] = VersionService.bodyOf(doc);
        doc.destroy();
        items[item.id] = version.id;
        pending.push(version);
      }
    }
    const document: MeetingDocument = {
      meeting,
      committee: { id: committee.id, name: committee.name },
      numbers: Object.fromEntries(numberAgenda(meeting.agenda)),
      bodies,
    };
    return {
      source: { document, beslutninger },
      sources: { meetingVersion: meeting.version, items, minutes },
      pending,
    };
  }

  /** The live texts, for the check: minutes checks include the Beslutninger. */
  private async liveSource(meetingId: string, kind: ExportKind): Promise<RecordSource> {
    const source = await readRecordSource(this.meetings, this.sync, meetingId);
    return kind === "referat" ? source : { ...source, beslutninger: {} };
  }
}

function requireReady(meeting: Meeting, kind: ExportKind): void {
  const ready =
    kind === "dagsorden" ? meeting.phase !== "forberedelse" : isRecordFrozen(meeting.phase);
  if (!ready) {
    throw new ApiError(
      409,
      "not_ready_to_publish",
      kind === "dagsorden"
        ? "Dagsordenen skal være udsendt, før den offentliggøres"
        : "Referatet skal være godkendt, før det offentliggøres",
    );
  }
  if (kind === "referat" && meeting.approval === null) {
    throw new ApiError(
      409,
      "record_not_approved",
      "Referatet blev godkendt, før fingeraftryk blev indført. Genåbn og godkend det igen.",
    );
  }
}

function publicationView(p: PublicationRow | PublicationSummary): PublicationView {
  const { html: _html, pdf: _pdf, docx: _docx, ...summary } = p as PublicationRow;
  return {
    ...summary,
    url: `/offentlig/dokumenter/${p.id}`,
    committeeUrl: `/offentlig/${p.committeeId}`,
  };
}
