/**
 * Exports and publication. Exports are rendered from the stored documents on request; publishing
 * renders the public version (closed items' bodies and bilag left out, no comments), after the
 * personal-data check: every finding in the published text must be fixed or explicitly accepted
 * by the secretariat (audited). The published documents replace any earlier publication of the
 * same meeting and kind, and are readable without login.
 */
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import type { ExportInput, ExportKind, ExportVariant } from "../exports";
import {
  readBeslutninger,
  renderDecisionExtract,
  renderMeetingDocx,
  renderMeetingHtml,
  renderMeetingPdf,
} from "../exports";
import { ApiError } from "../http/ApiError";
import type { AttachmentService } from "../attachments/AttachmentService";
import type { MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import { readMeetingDocument } from "../meetings/readMeetingDocument";
import {
  checkMeetingForPersonalData,
  extractAttachmentText,
  uncheckedAttachments,
} from "../publication";
import type { LocatedFinding } from "../publication";
import type { Store, User } from "../store";
import type { SyncServer } from "../sync/SyncServer";

export type ExportFormat = "pdf" | "docx" | "html";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
};

/** A finding with a stable key, so the secretariat can accept exactly this one. */
export type KeyedFinding = LocatedFinding & { key: string };

export class PublicationService {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    private readonly attachments: AttachmentService,
    private readonly sync: SyncServer,
  ) {}

  async input(meetingId: string, kind: ExportKind, variant: ExportVariant): Promise<ExportInput> {
    const document = await readMeetingDocument(this.meetings, this.sync, meetingId);
    const beslutninger =
      kind === "referat" ? await readBeslutninger(this.sync, document.meeting) : {};
    return { document, kind, variant, beslutninger };
  }

  async render(
    meetingId: string,
    kind: ExportKind,
    variant: ExportVariant,
    format: ExportFormat,
  ): Promise<Buffer> {
    const input = await this.input(meetingId, kind, variant);
    if (format === "html") return Buffer.from(renderMeetingHtml(input), "utf8");
    return format === "pdf" ? renderMeetingPdf(input) : renderMeetingDocx(input);
  }

  async decisionExtract(meetingId: string, itemId: string): Promise<Buffer> {
    return renderDecisionExtract(await this.input(meetingId, "referat", "internal"), itemId);
  }

  /** Findings in the item texts, Beslutninger and bilag, and the bilag that could not be read. */
  async check(meetingId: string, kind: ExportKind) {
    const input = await this.input(meetingId, kind, "public");
    const texts: Record<string, string> = {};
    for (const section of input.document.meeting.agenda.sections) {
      for (const item of section.items) {
        if (item.deleted || section.deleted) continue;
        for (const attachment of item.attachments) {
          const { file } = await this.attachments.get(attachment.id).catch(() => ({ file: null }));
          if (!file) continue;
          texts[attachment.id] = await extractAttachmentText(
            await readFile(file),
            attachment.contentType,
          ).catch(() => "");
        }
      }
    }
    const findings: KeyedFinding[] = checkMeetingForPersonalData(
      input.document,
      input.beslutninger,
      texts,
    )
      .filter((finding) => finding.published)
      .map((finding) => ({ ...finding, key: findingKey(finding) }));
    return { findings, unchecked: uncheckedAttachments(input.document, texts) };
  }

  /** What is published of a meeting now, with the public addresses. */
  async ofMeeting(meeting: { id: string; committeeId: string }) {
    const all = await this.store.publications.listPublications(meeting.committeeId);
    return all
      .filter((p) => p.meetingId === meeting.id)
      .map((p) => ({
        ...p,
        url: `/offentlig/dokumenter/${p.id}`,
        committeeUrl: `/offentlig/${p.committeeId}`,
      }));
  }

  async publish(user: User, meetingId: string, kind: ExportKind, accepted: string[]) {
    const meeting = await this.meetings.meeting(meetingId);
    const allowed =
      kind === "dagsorden"
        ? meeting.phase !== "forberedelse"
        : meeting.phase === "referat_godkendt";
    if (!allowed) {
      throw new ApiError(
        409,
        "not_ready_to_publish",
        kind === "dagsorden"
          ? "Dagsordenen skal være udsendt, før den offentliggøres"
          : "Referatet skal være godkendt, før det offentliggøres",
      );
    }
    const { findings, unchecked } = await this.check(meetingId, kind);
    const open = findings.filter((finding) => !accepted.includes(finding.key));
    if (open.length > 0) {
      throw new ApiError(
        409,
        "personal_data_found",
        "Tjek for personoplysninger: ret eller godkend hvert fund",
        { findings: open, unchecked },
      );
    }
    for (const finding of findings) {
      await this.meetings.audit(user.id, "publication.accept_finding", meetingId, finding.itemId, {
        kind: finding.kind,
        field: finding.field,
        match: finding.match,
      });
    }
    const input = await this.input(meetingId, kind, "public");
    const committee = await this.meetings.committee(meeting.committeeId);
    const existing = (await this.store.publications.listPublications(committee.id)).find(
      (p) => p.meetingId === meetingId && p.kind === kind,
    );
    const publication = {
      id: existing?.id ?? newId(),
      meetingId,
      committeeId: committee.id,
      kind,
      title: `${kind === "dagsorden" ? "Dagsorden" : "Referat"}: ${meeting.title}`,
      meetingDate: meeting.date,
      publishedAt: Date.now(),
      publishedBy: user.id,
      html: renderMeetingHtml(input),
      pdf: await renderMeetingPdf(input),
      docx: await renderMeetingDocx(input),
    };
    await this.store.publications.savePublication(publication);
    await this.meetings.audit(user.id, "meeting.publish", meetingId, null, {
      kind,
      publicationId: publication.id,
      republished: existing !== undefined,
      acceptedFindings: findings.length,
      uncheckedAttachments: unchecked.length,
    });
    return { id: publication.id, publishedAt: publication.publishedAt, unchecked };
  }
}

function findingKey(finding: LocatedFinding): string {
  return createHash("sha256")
    .update(
      [finding.itemId, finding.field, finding.attachmentId ?? "", finding.kind, finding.match].join(
        "\u0000",
      ),
    )
    .digest("hex")
    .slice(0, 16);
}
