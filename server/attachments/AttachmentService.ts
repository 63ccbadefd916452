/**
 * Attachments (bilag): contents stored once by content hash in the store's blob store (files
 * under `DATA_DIR/attachments` for SQLite, the `blobs` table for PostgreSQL, so every instance
 * of a cluster serves them), with a row per upload and a reference in the item's header, so the
 * agenda shows them live. Bilag are part of the meeting record: adding, replacing and removing
 * them is refused once the minutes are approved (`record_frozen`), checked under the meeting's
 * lock (a store lock, the same on every instance).
 */
import { createHash } from "node:crypto";
import { hasFile } from "../../shared/model";
import type { AgendaItem, AttachmentRef, Meeting } from "../../shared/model";
import { isRecordFrozen } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import { recordFrozenError } from "../record/recordFrozen";
import type { MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import type { AttachmentRow, Store } from "../store";
import { attachmentTypeOf, ATTACHMENT_MAX_BYTES } from "./attachmentTypes";

export class AttachmentService {
  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
  ) {}

  /**
   * Stores a file as a new bilag of the item, or — with `entryId` — as the file of a bilag the
   * item knows by name only (imported), which keeps its id and its place in the list.
   */
  async upload(
    itemId: string,
    filename: string,
    bytes: Buffer,
    userId: string,
    entryId: string | null = null,
  ): Promise<AttachmentRow> {
    const name = cleanFilename(filename);
    const type = checkContent(name, bytes);
    const { meeting } = await this.meetings.itemContext(itemId);
    // Under the meeting's lock, so approval cannot come between the check and the write.
    return this.meetings.exclusive(meeting.id, async (current, apply) => {
      const item = requireOpenItem(current, itemId);
      if (entryId !== null) {
        const entry = item.attachments.find((attachment) => attachment.id === entryId);
        if (!entry) throw new ApiError(404, "attachment_not_found", "Bilaget findes ikke");
        if (hasFile(entry))
          throw new ApiError(409, "attachment_exists", "Bilaget har allerede en fil");
      }
      const row = {
        ...(await this.newRow(itemId, name, type, bytes, userId)),
        id: entryId ?? newId(),
      };
      await this.store.attachments.createAttachment(row);
      await apply({ type: "addAttachment", itemId, attachment: toRef(row) }, userId);
      return row;
    });
  }

  /**
   * New content for a bilag (a corrected file): same id and place in the item, so its `./.`
   * markers still point at it; the old content is kept in the blob store and named in the audit
   * log.
   */
  async replace(
    id: string,
    filename: string,
    bytes: Buffer,
    userId: string,
  ): Promise<{ previous: AttachmentRow; row: AttachmentRow }> {
    const name = cleanFilename(filename);
    const type = checkContent(name, bytes);
    const { row: previous } = await this.get(id);
    const { meeting } = await this.meetings.itemContext(previous.itemId);
    return this.meetings.exclusive(meeting.id, async (current, apply) => {
      requireOpenItem(current, previous.itemId);
      const row = {
        ...(await this.newRow(previous.itemId, name, type, bytes, userId)),
        id,
        createdBy: previous.createdBy,
        createdAt: previous.createdAt,
      };
      await this.store.attachments.replaceAttachment(row);
      await apply(
        { type: "replaceAttachment", itemId: row.itemId, attachment: toRef(row) },
        userId,
        { audit: false },
      );
      await this.meetings.audit(userId, "attachment.replace", current.id, row.itemId, {
        attachmentId: id,
        previousFilename: previous.filename,
        previousSha256: previous.sha256,
        filename: row.filename,
        sha256: row.sha256,
      });
      return { previous, row };
    });
  }

  /** Whether the public version lists the bilag: a publication choice, allowed after approval. */
  async setPublic(id: string, isPublic: boolean, userId: string): Promise<AttachmentRef> {
    const { row } = await this.get(id);
    const context = await this.meetings.itemContext(row.itemId);
    const result = await this.meetings.runCommand(
      context.meeting.id,
      { type: "setAttachmentPublic", itemId: row.itemId, attachmentId: id, public: isPublic },
      userId,
    );
    const ref = result.meeting.agenda.sections
      .flatMap((section) => section.items)
      .find((item) => item.id === row.itemId)
      ?.attachments.find((attachment) => attachment.id === id);
    if (!ref || !hasFile(ref))
      throw new ApiError(404, "attachment_not_found", "Bilaget findes ikke");
    return ref;
  }

  async get(id: string): Promise<{ row: AttachmentRow }> {
    const row = await this.store.attachments.getAttachment(id);
    if (!row || row.deletedAt !== null)
      throw new ApiError(404, "attachment_not_found", "Bilaget findes ikke");
    return { row };
  }

  /** The attachment and its content. */
  async read(id: string): Promise<{ row: AttachmentRow; bytes: Buffer }> {
    const { row } = await this.get(id);
    const bytes = await this.store.blobs.getBlob(row.sha256);
    if (!bytes) throw new ApiError(404, "attachment_not_found", "Bilaget findes ikke");
    return { row, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  }

  list(itemId: string): Promise<AttachmentRow[]> {
    return this.store.attachments.listAttachments(itemId);
  }

  /** Removes any bilag of the item, a file or a name without one. */
  async removeEntry(itemId: string, entryId: string, userId: string): Promise<void> {
    const context = await this.meetings.itemContext(itemId);
    const entry = context.item.attachments.find((attachment) => attachment.id === entryId);
    if (!entry) throw new ApiError(404, "attachment_not_found", "Bilaget findes ikke");
    if (hasFile(entry)) return this.remove(entryId, userId);
    // runCommand refuses it once the record is frozen, like every other agenda change.
    await this.meetings.runCommand(
      context.meeting.id,
      { type: "removeAttachment", itemId, attachmentId: entryId },
      userId,
    );
  }

  async remove(id: string, userId: string): Promise<void> {
    const { row } = await this.get(id);
    const context = await this.meetings.itemContext(row.itemId);
    await this.meetings.exclusive(context.meeting.id, async (current, apply) => {
      if (isRecordFrozen(current.phase)) throw recordFrozenError();
      await apply({ type: "removeAttachment", itemId: row.itemId, attachmentId: id }, userId);
      // The file stays: other uploads may share its content, and deletions are restorable.
      await this.store.attachments.markAttachmentDeleted(id, Date.now());
    });
  }

  /** Stores the content (once per hash) and gives the new bilag's row. */
  private async newRow(
    itemId: string,
    filename: string,
    contentType: string,
    bytes: Buffer,
    userId: string,
  ): Promise<AttachmentRow> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await this.store.blobs.putBlob(sha256, bytes);
    return {
      id: newId(),
      itemId,
      filename,
      contentType,
      size: bytes.byteLength,
      sha256,
      createdBy: userId,
      createdAt: Date.now(),
      deletedAt: null,
    };
  }
}

/** Size and type, checked by content: the same rules for a new bilag and a replacement. */
function checkContent(name: string, bytes: Buffer): string {
  if (bytes.byteLength === 0) throw new ApiError(400, "attachment_empty", "Filen er tom");
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new ApiError(
      413,
      "attachment_too_large",
      `Bilag må højst fylde ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
    );
  }
  const type = attachmentTypeOf(name, bytes);
  if (!type) {
    throw new ApiError(
      415,
      "attachment_type_not_allowed",
      "Filtypen er ikke tilladt (PDF, Word, Excel, PowerPoint, billeder, tekst og CSV er tilladt)",
    );
  }
  return type;
}

/** Bilag change only while the record is open, and only on items still on the agenda. */
function requireOpenItem(meeting: Meeting, itemId: string): AgendaItem {
  if (isRecordFrozen(meeting.phase)) throw recordFrozenError();
  const item = meeting.agenda.sections
    .flatMap((section) => (section.deleted ? [] : section.items))
    .find((candidate) => candidate.id === itemId);
  if (!item || item.deleted) throw new ApiError(409, "item_deleted", "Punktet er slettet");
  return item;
}

export function toRef(row: AttachmentRow): AttachmentRef {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
  };
}

function cleanFilename(filename: string): string {
  // Keep the name people gave the file, minus paths and control characters.
  const base = filename.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(0, 255);
  if (!clean) throw new ApiError(400, "attachment_filename_invalid", "Filnavnet mangler");
  return clean;
}
